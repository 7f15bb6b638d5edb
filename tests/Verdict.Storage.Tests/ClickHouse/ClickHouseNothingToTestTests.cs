namespace Verdict.Storage.Tests.ClickHouse;

/// <summary>The nothing-to-test cases (absent events, absent exposures, other versions only), unchanged, on the ClickHouse cluster.</summary>
public sealed class ClickHouseNothingToTestTests : NothingToTestTests
{
    protected override EventStore CreateStore() => Verdict.Storage.ClickHouse.ClickHouseEventStore.Open(TestEnvironment.NewClickHouseDatabase());
}
