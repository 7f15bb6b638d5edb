using Verdict.Experiments.Events;
using Verdict.Experiments.Simulation;
using Verdict.Storage.DuckDb;
using Xunit;

namespace Verdict.Storage.Tests;

/// <summary>
/// Idempotency under concurrency, enforced by the database: loads of the same rows running at the same moment store each
/// row once (PostgreSQL by unique keys, DuckDB by its single writer), and in PostgreSQL a duplicate row cannot be
/// inserted behind the loader's back.
/// </summary>
public abstract class ConcurrentLoadTests : IDisposable
{
    private const int Loads = 3;

    private readonly List<EventStore> stores = [];

    /// <summary>A connection string or path for a new, empty store that several connections can open.</summary>
    protected abstract string NewStore();

    protected abstract EventStore Open(string store);

    /// <summary>True when the engine lets loads stage at once, so the test makes their commits meet.</summary>
    protected virtual bool CommitsMeet => true;

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private EventStore Tracked(string location)
    {
        var store = Open(location);
        lock (stores)
        {
            stores.Add(store);
        }

        return store;
    }

    private static void Simulate(IEventSink sink) =>
        new SupportBotSimulator(TestEnvironment.ExampleBrief(), new SupportBotScenario { Units = 400, Seed = 3 }).Run(sink);

    [Fact]
    public void Commit_SameRowsFromParallelLoads_StoresEachRowOnce()
    {
        var location = NewStore();
        var reference = new RecordingSink();
        Simulate(reference);
        var connections = Enumerable.Range(0, Loads).Select(_ => Tracked(location)).ToList();
        using var ready = new Barrier(CommitsMeet ? Loads : 1);
        var added = new (long Exposures, long Events)[Loads];
        Parallel.For(0, Loads, new ParallelOptions { MaxDegreeOfParallelism = Loads }, i =>
        {
            using var loader = connections[i].BeginLoad();
            Simulate(loader);
            ready.SignalAndWait(TimeSpan.FromMinutes(1));
            added[i] = loader.Commit();
        });

        var exposures = reference.Exposures.Select(e => (e.Experiment, e.Version, e.UnitId, e.Arm, e.Timestamp)).Distinct().Count();
        var events = reference.Events.Select(e => e.IdempotencyKey).Distinct().Count();
        Assert.Equal(exposures, connections[0].Count("exposures"));
        Assert.Equal(events, connections[0].Count("events"));
        Assert.Equal(exposures, added.Sum(a => a.Exposures));
        Assert.Equal(events, added.Sum(a => a.Events));
    }
}

public sealed class PostgresConcurrentLoadTests : ConcurrentLoadTests
{
    protected override string NewStore() => TestEnvironment.NewPostgresDatabase();

    protected override EventStore Open(string store) => Postgres.PostgresEventStore.Open(store);

    [Fact]
    public void Insert_DuplicateExposureBehindTheLoader_IsRejectedByTheDatabase()
    {
        using var store = Open(NewStore());
        const string Row = "INSERT INTO exposures (experiment, version, unit_id, arm, ts) VALUES ('x', 1, 'u1', 'control', 5)";
        store.Execute(Row, []);
        Assert.ThrowsAny<System.Data.Common.DbException>(() => store.Execute(Row, []));
        Assert.Equal(1, store.Count("exposures"));
    }

    [Fact]
    public void Open_StoreWrittenBeforeTheKey_KeepsOneOfEachDuplicateAndGainsTheKey()
    {
        var location = NewStore();
        using (var old = new Npgsql.NpgsqlConnection(location))
        {
            old.Open();
            using var command = new Npgsql.NpgsqlCommand("""
                CREATE TABLE exposures (experiment TEXT NOT NULL, version INTEGER NOT NULL, unit_id TEXT NOT NULL, arm TEXT NOT NULL, ts BIGINT NOT NULL, receipt_hash TEXT, attributes JSONB);
                INSERT INTO exposures VALUES ('x', 1, 'u1', 'control', 5, NULL, NULL), ('x', 1, 'u1', 'control', 5, NULL, NULL), ('x', 1, 'u2', 'control', 5, NULL, NULL);
                """, old);
            command.ExecuteNonQuery();
        }

        using var store = Open(location);
        Assert.Equal(2, store.Count("exposures"));
        Assert.ThrowsAny<System.Data.Common.DbException>(() => store.Execute("INSERT INTO exposures (experiment, version, unit_id, arm, ts) VALUES ('x', 1, 'u2', 'control', 5)", []));
    }
}

public sealed class DuckDbConcurrentLoadTests : ConcurrentLoadTests, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-concurrent-").FullName;

    protected override string NewStore() => Path.Combine(folder, $"{Guid.NewGuid():N}.duckdb");

    protected override EventStore Open(string store) => DuckDbEventStore.Open(store);

    /// <summary>Loads of one DuckDB file take turns in a process (and across processes by its file lock).</summary>
    protected override bool CommitsMeet => false;

    void IDisposable.Dispose()
    {
        Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
