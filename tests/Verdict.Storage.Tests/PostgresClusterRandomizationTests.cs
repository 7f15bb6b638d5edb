namespace Verdict.Storage.Tests;

/// <summary>The cluster-randomization cases of the conformance suite, unchanged, on PostgreSQL.</summary>
public sealed class PostgresClusterRandomizationTests : ClusterRandomizationTests
{
    protected override EventStore CreateStore() => Postgres.PostgresEventStore.Open(TestEnvironment.NewPostgresDatabase());
}
