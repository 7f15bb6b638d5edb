using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;
using Verdict.Experiments.Simulation;
using Verdict.Storage.Dialects;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;
using Xunit;

namespace Verdict.Storage.Tests;

/// <summary>
/// Event properties live in typed columns for the first keys a store sees and in the JSON for the rest; both paths,
/// and the upgrade of a store written before the columns existed, give the same analysis (docs/events.md).
/// </summary>
public abstract class PropertyColumnTests : IDisposable
{
    private readonly List<EventStore> stores = [];

    /// <summary>A store and a way to open it again (a file or a database, not memory).</summary>
    protected abstract (EventStore Store, Func<EventStore> Reopen) CreateStore();

    private EventStore Keep(EventStore store)
    {
        stores.Add(store);
        return store;
    }

    private EventStore Simulated(int limit, out ExperimentBrief brief, out Func<EventStore> reopen)
    {
        var (store, open) = CreateStore();
        Keep(store);
        reopen = open;
        store.PropertyColumnLimit = limit;
        brief = TestEnvironment.ExampleBrief();
        using var loader = store.BeginLoad();
        new SupportBotSimulator(brief, new SupportBotScenario { Units = 2000, Seed = 21 }).Run(loader, TestContext.Current.CancellationToken);
        loader.Commit();
        return store;
    }

    [Fact]
    public void Load_PropertiesFromColumnsJsonOrBoth_GiveTheSameNumbers()
    {
        var columns = Simulated(64, out var brief, out _);
        var json = Simulated(0, out _, out _);
        var mixed = Simulated(2, out _, out _);

        // The simulator's keys, in ordinal order: the first two get columns when the limit is 2.
        Assert.Equal(["cost_usd", "grounded", "latency_ms", "tokens"], PropertyColumns.Read(columns).OrderBy(k => k.Value).Select(k => k.Key));
        Assert.Empty(PropertyColumns.Read(json));
        Assert.Equal(["cost_usd", "grounded"], PropertyColumns.Read(mixed).OrderBy(k => k.Value).Select(k => k.Key));

        var expected = new SqlMetricSource(columns).Load(brief, null);
        AssertSame(expected, new SqlMetricSource(json).Load(brief, null));
        AssertSame(expected, new SqlMetricSource(mixed).Load(brief, null));
    }

    [Fact]
    public void Open_StoreWrittenBeforePropertyColumns_IsUpgradedWithColumnsFilledFromTheJson()
    {
        // A store whose events carry JSON only and which has no catalog: the layout before property columns.
        var old = Simulated(0, out var brief, out var reopen);
        var before = new SqlMetricSource(old).Load(brief, null);
        old.Execute("DROP TABLE property_columns", []);
        var events = old.Count("events");
        old.Dispose();

        var upgraded = Keep(reopen());
        var positions = PropertyColumns.Read(upgraded);
        Assert.Equal(4, positions.Count);
        Assert.Equal(events, upgraded.Count("events"));
        var answers = events - EventsWithout(upgraded, "answer_generated");
        var audits = events - EventsWithout(upgraded, "grounding_audit");
        Assert.True(answers > 0 && audits > 0);
        using (var reader = upgraded.Query($"SELECT COUNT({PropertyColumns.Number(positions["latency_ms"])}), COUNT({PropertyColumns.Text(positions["grounded"])}) FROM events", []))
        {
            Assert.True(reader.Read());
            Assert.Equal(answers, Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(audits, Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
        }

        AssertSame(before, new SqlMetricSource(upgraded).Load(brief, null));
    }

    [Fact]
    public void Load_KeysFirstSeenAfterTheLimit_StayInTheJsonInLaterLoads()
    {
        var (store, _) = CreateStore();
        Keep(store).PropertyColumnLimit = 2;
        var at = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
        Load(store, new OutcomeEvent("answer_generated", "u1", at, null, new Dictionary<string, string> { ["b"] = "1", ["c"] = "2", ["a"] = "3" }, "k1"));
        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, PropertyColumns.Read(store));

        // "0" sorts first, but the catalog is full: events stored earlier may hold "c", so no later key may get a column.
        Load(store, new OutcomeEvent("answer_generated", "u2", at, null, new Dictionary<string, string> { ["0"] = "4", ["a"] = "5" }, "k2"));
        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, PropertyColumns.Read(store));
        using var reader = store.Query($"SELECT {PropertyColumns.Number(1)} FROM events ORDER BY idempotency_key", []);
        Assert.True(reader.Read());
        Assert.Equal(3.0, reader.GetDouble(0));
        Assert.True(reader.Read());
        Assert.Equal(5.0, reader.GetDouble(0));
    }

    [Fact]
    public void Load_NewKeyInALaterLoad_GetsAColumnAndEarlierEventsStayNull()
    {
        var (store, _) = CreateStore();
        Keep(store);
        var at = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
        Load(store, new OutcomeEvent("answer_generated", "u1", at, null, new Dictionary<string, string> { ["tokens"] = "10" }, "k1"));
        Load(store, new OutcomeEvent("answer_generated", "u2", at, null, new Dictionary<string, string> { ["tokens"] = "20", ["latency_ms"] = "fast" }, "k2"));
        var positions = PropertyColumns.Read(store);
        Assert.Equal(2, positions.Count);
        using var reader = store.Query($"SELECT {PropertyColumns.Text(positions["latency_ms"])}, {PropertyColumns.Number(positions["latency_ms"])}, {PropertyColumns.Number(positions["tokens"])} FROM events ORDER BY idempotency_key", []);
        Assert.True(reader.Read());
        Assert.True(reader.IsDBNull(0));
        Assert.Equal(10.0, reader.GetDouble(2));
        Assert.True(reader.Read());
        Assert.Equal("fast", reader.GetString(0));
        Assert.True(reader.IsDBNull(1));   // not a number
        Assert.Equal(20.0, reader.GetDouble(2));
    }

    [Fact]
    public void Load_OddKeysAndOutOfRangeNumbers_AreBoundAndReadSafely()
    {
        var (store, _) = CreateStore();
        Keep(store);
        const string key = "la\"te'ncy.ms; DROP TABLE events; --";
        var properties = new Dictionary<string, string>
        {
            [key] = "12.5",
            [string.Empty] = "no path in DuckDB",
            ["*"] = "a wildcard in DuckDB",
            ["ends\\"] = "1e400",
            ["tiny"] = "-1e-400",
        };
        var at = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
        Load(store, new OutcomeEvent("answer_generated", "u1", at, null, properties, "k1"));

        // Keys the engine cannot address exactly stay in the JSON; the others get columns.
        var positions = PropertyColumns.Read(store);
        Assert.Equal(properties.Keys.Where(store.Dialect.HasJsonPath).Order(StringComparer.Ordinal), positions.Keys.Order(StringComparer.Ordinal));
        Assert.False(DuckDbDialect.Instance.HasJsonPath(string.Empty));
        Assert.False(DuckDbDialect.Instance.HasJsonPath("*"));

        using var reader = store.Query($"""
            SELECT {PropertyColumns.Text(positions[key])}, {PropertyColumns.Number(positions[key])},
                   {PropertyColumns.Text(positions["ends\\"])}, {PropertyColumns.Number(positions["ends\\"])}, {PropertyColumns.Number(positions["tiny"])}
            FROM events
            """, []);
        Assert.True(reader.Read());
        Assert.Equal("12.5", reader.GetString(0));
        Assert.Equal(12.5, reader.GetDouble(1));
        Assert.Equal("1e400", reader.GetString(2));
        Assert.True(reader.IsDBNull(3));   // overflow: not a finite number
        Assert.Equal(0.0, reader.GetDouble(4));   // underflow: zero, in both engines
    }

    private static void Load(EventStore store, OutcomeEvent outcome)
    {
        using var loader = store.BeginLoad();
        loader.Add(outcome);
        loader.Commit();
    }

    private static long EventsWithout(EventStore store, string name)
    {
        var p = new SqlParameters(store.Dialect);
        using var reader = store.Query($"SELECT COUNT(*) FROM events WHERE name <> {p.Add(name)}", p.Values);
        Assert.True(reader.Read());
        return Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every cell and order statistic equal; sums may differ in the last bits (parallel aggregation).</summary>
    private static void AssertSame(MetricData expected, MetricData actual)
    {
        Assert.Equal(expected.Population.UnitsPerArm, actual.Population.UnitsPerArm);
        Assert.Equal(expected.Cells.Count, actual.Cells.Count);
        foreach (var e in expected.Cells)
        {
            var a = actual.Cells.Single(c => c.Metric == e.Metric && c.Arm == e.Arm && c.Scope == e.Scope && c.ScopeName == e.ScopeName && c.ScopeValue == e.ScopeValue);
            var what = $"{e.Metric}/{e.Arm}/{e.Scope}/{e.ScopeValue}";
            Assert.True(e.Moments.Count == a.Moments.Count, what);
            foreach (var (x, y) in new[] { (e.Moments.MeanY, a.Moments.MeanY), (e.Moments.MeanX, a.Moments.MeanX), (e.Moments.SyY, a.Moments.SyY), (e.Moments.SxX, a.Moments.SxX), (e.Moments.SxY, a.Moments.SxY) })
            {
                StoreConformanceTests.Near(x, y, what);
            }
        }

        Assert.Equal(expected.Quantiles.Count, actual.Quantiles.Count);
        foreach (var e in expected.Quantiles)
        {
            var a = actual.Quantiles.Single(q => q.Metric == e.Metric && q.Arm == e.Arm && q.Scope == e.Scope && q.ScopeName == e.ScopeName && q.ScopeValue == e.ScopeValue);
            Assert.Equal(e.Estimate.Ranks, a.Estimate.Ranks);
            Assert.Equal(e.Estimate.Value, a.Estimate.Value);
        }
    }

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class DuckDbPropertyColumnTests : PropertyColumnTests
{
    protected override (EventStore Store, Func<EventStore> Reopen) CreateStore()
    {
        var path = Path.Combine(Path.GetTempPath(), $"verdict-{Guid.NewGuid():N}.duckdb");
        return (DuckDbEventStore.Open(path), () => DuckDbEventStore.Open(path));
    }
}

public sealed class PostgresPropertyColumnTests : PropertyColumnTests
{
    protected override (EventStore Store, Func<EventStore> Reopen) CreateStore()
    {
        var connection = TestEnvironment.NewPostgresDatabase();
        return (Postgres.PostgresEventStore.Open(connection), () => Postgres.PostgresEventStore.Open(connection));
    }

    [Fact]
    public async Task Load_TwoConcurrentLoadsMeetingTheSameNewKey_BothCommitAndShareOneColumn()
    {
        var connection = TestEnvironment.NewPostgresDatabase();
        using var first = Postgres.PostgresEventStore.Open(connection);
        using var second = Postgres.PostgresEventStore.Open(connection);
        var at = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
        using var a = first.BeginLoad();
        using var b = second.BeginLoad();
        a.Add(new OutcomeEvent("answer_generated", "u1", at, null, new Dictionary<string, string> { ["tokens"] = "1" }, "k1"));
        b.Add(new OutcomeEvent("answer_generated", "u2", at, null, new Dictionary<string, string> { ["tokens"] = "2" }, "k2"));

        // A third session holds the catalog against inserts, so both loads read the empty catalog before either can add
        // the key. Without the catalog lock both would then add "tokens" and the second would fail.
        using var blocker = new Npgsql.NpgsqlConnection(connection);
        blocker.Open();
        using (var hold = blocker.BeginTransaction())
        {
            using (var command = new Npgsql.NpgsqlCommand("LOCK TABLE property_columns IN SHARE MODE", blocker, hold))
            {
                command.ExecuteNonQuery();
            }

            var commits = new[] { Task.Run(() => a.Commit()), Task.Run(() => b.Commit()) };
            for (var i = 0; i < 200 && Waiting(blocker) < 2; i++)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }

            Assert.Equal(2, Waiting(blocker));
            hold.Commit();
            await Task.WhenAll(commits).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }

        Assert.Equal(new Dictionary<string, int> { ["tokens"] = 1 }, PropertyColumns.Read(first));
        using var reader = first.Query($"SELECT SUM({PropertyColumns.Number(1)}) FROM events", []);
        Assert.True(reader.Read());
        Assert.Equal(3.0, reader.GetDouble(0));
    }

    /// <summary>Sessions of this database waiting for a lock.</summary>
    private static long Waiting(Npgsql.NpgsqlConnection connection)
    {
        using var command = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)command.ExecuteScalar()!;
    }
}
