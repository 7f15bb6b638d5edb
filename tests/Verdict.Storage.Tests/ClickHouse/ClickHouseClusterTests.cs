using System.Globalization;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Simulation;
using Verdict.Storage.ClickHouse;
using Verdict.Storage.ClickHouse.Http;
using Verdict.Storage.Sql;
using Xunit;

namespace Verdict.Storage.Tests.ClickHouse;

/// <summary>
/// What only a cluster can get wrong: data on both shards (so a join that sees one shard gives wrong numbers, which
/// the conformance suite would catch), and idempotent loads without unique constraints: a retried insert or two loads
/// committing the same keys at once leave duplicates on disk that the analysis and the counts read once.
/// </summary>
public sealed class ClickHouseClusterTests
{
    private static (ExperimentBrief Brief, RecordingSink Records) Load(EventStore store, int units, int seed)
    {
        var brief = TestEnvironment.ExampleBrief();
        using var loader = store.BeginLoad();
        var records = new RecordingSink(loader);
        new SupportBotSimulator(brief, new SupportBotScenario { Units = units, Seed = seed }).Run(records, TestContext.Current.CancellationToken);
        loader.Commit();
        return (brief, records);
    }

    private static long[] PerShard(ClickHouseEventStore store, string table)
    {
        return store.Address.Endpoints.Select(endpoint =>
        {
            using var shard = new ClickHouseHttpClient(endpoint, store.Address.Database, null, null, null);
            return Convert.ToInt64(shard.Query($"SELECT count() FROM {table}_local").Rows[0][0], CultureInfo.InvariantCulture);
        }).ToArray();
    }

    [Fact]
    public void Load_SimulatedTraffic_SpreadsUnitsOverBothShards()
    {
        using var store = ClickHouseEventStore.Open(TestEnvironment.NewClickHouseDatabase());
        Load(store, 500, 3);
        foreach (var table in new[] { "events", "exposures" })
        {
            var counts = PerShard(store, table);
            Assert.Equal(2, counts.Length);
            Assert.All(counts, n => Assert.True(n > store.Count(table) / 4, $"{table}: {string.Join(", ", counts)} rows per shard"));
        }
    }

    [Fact]
    public void Insert_RetriedAfterItLanded_IsStoredTwiceButCountedOnce()
    {
        using var store = ClickHouseEventStore.Open(TestEnvironment.NewClickHouseDatabase());
        var (brief, _) = Load(store, 800, 4);
        var before = new SqlMetricSource(store).Load(brief, null);
        var events = store.Count("events");
        var exposures = store.Count("exposures");

        // An HTTP insert whose answer was lost and that the client sent again: the same rows land a second time.
        var db = store.Address.Database;
        store.Client.Execute($"INSERT INTO {db}.events SELECT * FROM {db}.events");
        store.Client.Execute($"INSERT INTO {db}.exposures SELECT * FROM {db}.exposures");
        Assert.Equal(2 * events, PerShard(store, "events").Sum());

        Assert.Equal(events, store.Count("events"));
        Assert.Equal(exposures, store.Count("exposures"));
        AssertSameCells(before, new SqlMetricSource(store).Load(brief, null));
    }

    [Fact]
    public void Load_SameTrafficTwice_AddsNoExposureOrEvent()
    {
        using var store = ClickHouseEventStore.Open(TestEnvironment.NewClickHouseDatabase());
        var (brief, records) = Load(store, 300, 5);
        using var again = store.BeginLoad();
        new SupportBotSimulator(brief, new SupportBotScenario { Units = 300, Seed = 5 }).Run(again, TestContext.Current.CancellationToken);
        Assert.Equal((0L, 0L), again.Commit());
        Assert.Equal(records.Exposures.Count, store.Count("exposures"));
        Assert.Equal(records.Events.Count, store.Count("events"));
    }

    [Fact]
    public void Load_SameEventsConcurrentlyFromTwoSessions_NeverDoubleCounts()
    {
        var uri = TestEnvironment.NewClickHouseDatabase();
        using var first = ClickHouseEventStore.Open(uri);
        using var second = ClickHouseEventStore.Open(uri);
        var brief = TestEnvironment.ExampleBrief();
        var scenario = new SupportBotScenario { Units = 800, Seed = 6 };
        var loaders = new[] { first.BeginLoad(), second.BeginLoad() };
        var records = new RecordingSink(loaders[0]);
        new SupportBotSimulator(brief, scenario).Run(records, TestContext.Current.CancellationToken);
        new SupportBotSimulator(brief, scenario).Run(loaders[1], TestContext.Current.CancellationToken);

        // Both loads stage the same keys, then commit at the same moment: each may find the keys new and insert them.
        using var barrier = new Barrier(2);
        var added = loaders.AsParallel().WithDegreeOfParallelism(2).Select(l =>
        {
            barrier.SignalAndWait(TestContext.Current.CancellationToken);
            return l.Commit();
        }).ToList();
        foreach (var loader in loaders)
        {
            loader.Dispose();
        }

        var truth = new DirectComputation(records);
        Assert.Equal(records.Events.Select(e => e.IdempotencyKey).Distinct().LongCount(), first.Count("events"));
        Assert.InRange(added.Sum(a => a.Events), first.Count("events"), 2 * first.Count("events"));
        var data = new SqlMetricSource(first).Load(brief, null);
        foreach (var arm in new[] { "control", "treatment" })
        {
            Assert.Equal(truth.UnitsIn(arm).LongCount(), data.Population.UnitsPerArm[arm]);
            var cell = data.Cells.Single(c => c.Metric == "escalation_rate" && c.Arm == arm && c.Scope == CellScope.Overall).Moments;
            StoreConformanceTests.Near(truth.Moments(arm, truth.Escalated).MeanY, cell.MeanY, "escalation after concurrent loads");
        }
    }

    [Fact]
    public void Parse_Uri_ReadsEndpointsDatabaseClusterAndRejectsBadParts()
    {
        var address = ClickHouseAddress.Parse("clickhouse://me:s%40cret@127.0.0.1:58123,127.0.0.1:58124/analytics?cluster=two");
        Assert.Equal(["127.0.0.1:58123", "127.0.0.1:58124"], address.Endpoints.Select(e => e.Authority));
        Assert.Equal(("analytics", "two", "me", "s@cret"), (address.Database, address.Cluster, address.User, address.Password));
        Assert.DoesNotContain("cret", address.ToString(), StringComparison.Ordinal);
        Assert.Equal("default", ClickHouseAddress.Parse("clickhouse://127.0.0.1:8123").Database);
        Assert.Throws<ArgumentException>(() => ClickHouseAddress.Parse("clickhouse://127.0.0.1:8123/bad-name"));
        Assert.Throws<ArgumentException>(() => ClickHouseAddress.Parse("clickhouse://127.0.0.1:8123/db?shard=1"));
        Assert.Throws<ArgumentException>(() => ClickHouseAddress.Parse("clickhouse://:x/db"));
    }

    [Fact]
    public void Parse_UriWithMaxMemoryUsage_KeepsItAndRejectsNonNumbers()
    {
        var address = ClickHouseAddress.Parse("clickhouse://127.0.0.1:58123/db?cluster=two&max_memory_usage=12000000000");
        Assert.Equal((12_000_000_000L, "two"), (address.MaxMemoryUsage, address.Cluster));
        Assert.Equal(address, ClickHouseAddress.Parse(address.ToString()) with { Endpoints = address.Endpoints });
        Assert.Null(ClickHouseAddress.Parse("clickhouse://127.0.0.1:58123/db").MaxMemoryUsage);
        Assert.Contains("max_memory_usage", Assert.Throws<ArgumentException>(() => ClickHouseAddress.Parse("clickhouse://127.0.0.1:8123/db?max_memory_usage=12GB")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ClickHouseAddress.Parse("clickhouse://127.0.0.1:8123/db?max_memory_usage=0"));
        Assert.Throws<ArgumentException>(() => ClickHouseAddress.Parse("clickhouse://127.0.0.1:8123/db?max_memory_usage=-5"));
    }

    [Fact]
    public void Open_WithMaxMemoryUsage_SendsTheLimitWithEveryQuery()
    {
        // A 16 MB limit makes a query that needs about 128 MB fail on the server; without it the same query runs.
        var uri = TestEnvironment.NewClickHouseDatabase();
        const string Sql = "SELECT length(groupArray(number)) FROM numbers(16000000)";
        using (var unlimited = ClickHouseEventStore.Open(uri))
        {
            Assert.Equal(16_000_000L, Convert.ToInt64(unlimited.Client.Query(Sql).Rows[0][0], CultureInfo.InvariantCulture));
        }

        using var limited = ClickHouseEventStore.Open(uri + "&max_memory_usage=16000000");
        var error = Assert.Throws<ClickHouseException>(() => limited.Client.Query(Sql));
        Assert.Contains("Memory limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TabSeparatedReply_UnescapesAndTypesCells()
    {
        var body = "s\tn\tf\tz\nString\tUInt64\tNullable(Float64)\tNullable(String)\na\\tb\\\\c\\nd\\0\t18446744073709551\tinf\t\\N\n"u8;
        var result = ClickHouseResult.Parse(body);
        Assert.Equal(["s", "n", "f", "z"], result.Names);
        Assert.Equal(["a\tb\\c\nd\0", 18446744073709551L, double.PositiveInfinity, DBNull.Value], result.Rows.Single());
    }

    private static void AssertSameCells(MetricData expected, MetricData actual)
    {
        Assert.Equal(expected.Population.UnitsPerArm, actual.Population.UnitsPerArm);
        Assert.Equal(expected.Cells.Count, actual.Cells.Count);
        foreach (var cell in expected.Cells)
        {
            var other = actual.Cells.Single(c => c.Metric == cell.Metric && c.Arm == cell.Arm && c.Scope == cell.Scope && c.ScopeValue == cell.ScopeValue);
            Assert.Equal(cell.Moments.Count, other.Moments.Count);
            StoreConformanceTests.Near(cell.Moments.MeanY, other.Moments.MeanY, cell.Metric);
            StoreConformanceTests.Near(cell.Moments.SyY, other.Moments.SyY, cell.Metric);
        }

        Assert.Equal(expected.Quantiles.Select(q => q.Estimate), actual.Quantiles.Select(q => q.Estimate));
    }
}
