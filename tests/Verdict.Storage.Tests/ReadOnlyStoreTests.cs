using Npgsql;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Simulation;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;
using Xunit;

namespace Verdict.Storage.Tests;

/// <summary>Analysis needs read access only: a store opened read-only creates nothing and a SELECT-only role can analyse.</summary>
public sealed class ReadOnlyStoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-readonly-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static void Simulate(EventStore store, ExperimentBrief brief)
    {
        using var loader = store.BeginLoad();
        new SupportBotSimulator(brief, new SupportBotScenario { Units = 600, Seed = 9 }).Run(loader);
        loader.Commit();
    }

    [Fact]
    public void OpenReadOnly_PostgresRoleWithSelectOnly_Analyses()
    {
        var owner = TestEnvironment.NewPostgresDatabase();
        var brief = TestEnvironment.ExampleBrief();
        using (var store = Postgres.PostgresEventStore.Open(owner))
        {
            Simulate(store, brief);
        }

        var role = "verdict_reader_" + Guid.NewGuid().ToString("N")[..8];
        using (var admin = new NpgsqlConnection(owner))
        {
            admin.Open();
            using var grant = new NpgsqlCommand(
                $"CREATE ROLE {role} LOGIN; GRANT CONNECT, TEMP ON DATABASE \"{admin.Database}\" TO {role}; GRANT USAGE ON SCHEMA public TO {role}; GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role};",
                admin);
            grant.ExecuteNonQuery();
        }

        try
        {
            var reader = new NpgsqlConnectionStringBuilder(owner) { Username = role, Password = null, Pooling = false }.ConnectionString;
            using var readOnly = Postgres.PostgresEventStore.Open(reader, readOnly: true);
            var data = new SqlMetricSource(readOnly).Load(brief, null);
            Assert.True(data.Population.UnitsPerArm.Values.Sum() > 0);
            Assert.ThrowsAny<System.Data.Common.DbException>(() => readOnly.Execute("DELETE FROM events", []));
        }
        finally
        {
            using var admin = new NpgsqlConnection(owner);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP OWNED BY {role}; DROP ROLE {role};", admin);
            drop.ExecuteNonQuery();
        }
    }

    [Fact]
    public void OpenReadOnly_EmptyPostgresDatabase_CreatesNoTables()
    {
        var empty = TestEnvironment.NewPostgresDatabase();
        var error = Assert.Throws<StoreUnavailableException>(() => Postgres.PostgresEventStore.Open(empty, readOnly: true));
        Assert.Contains("has no exposures or events table", error.Message, StringComparison.Ordinal);
        using var connection = new NpgsqlConnection(empty);
        connection.Open();
        using var count = new NpgsqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        Assert.Equal(0L, (long)count.ExecuteScalar()!);
    }

    [Fact]
    public void OpenReadOnly_DuckDbFile_AnalysesAndRefusesWrites()
    {
        var path = Path.Combine(folder, "store.duckdb");
        var brief = TestEnvironment.ExampleBrief();
        using (var store = DuckDbEventStore.Open(path))
        {
            Simulate(store, brief);
        }

        using var readOnly = DuckDbEventStore.Open(path, readOnly: true);
        Assert.True(new SqlMetricSource(readOnly).Load(brief, null).Population.UnitsPerArm.Values.Sum() > 0);
        Assert.ThrowsAny<System.Data.Common.DbException>(() => readOnly.Execute("DELETE FROM events", []));
    }
}
