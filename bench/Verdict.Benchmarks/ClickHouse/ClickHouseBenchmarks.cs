using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Verdict.Benchmarks.Analysis;
using Verdict.Experiments;
using Verdict.Experiments.Analysis;
using Verdict.Storage;
using Verdict.Storage.ClickHouse;

namespace Verdict.Benchmarks.ClickHouse;

/// <summary>
/// The full analysis of the benchmark brief on the two-shard ClickHouse cluster (tests/clickhouse/start.sh) beside the
/// hand-written ClickHouse query for the primary metric alone, and the same analysis on single-node DuckDB, on the same
/// 10 M simulated events (seed 3, as <see cref="BenchmarkStore"/>). The cluster comes from VERDICT_BENCH_CLICKHOUSE or
/// VERDICT_TEST_CLICKHOUSE; its events are loaded through Verdict's loader into the database verdict_bench once.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ClickHouseBenchmarks
{
    private const long Events = 10_000_000;
    private const long UnitsPerLoad = 250_000;
    private ClickHouseEventStore clickHouse = null!;
    private EventStore duckDb = null!;
    private ExperimentBrief brief = null!;

    [GlobalSetup]
    public void Setup()
    {
        brief = BenchmarkStore.Brief();
        duckDb = DuckDbEventStore.Open(BenchmarkStore.Ensure(Events));
        clickHouse = Ensure(brief);
    }

    /// <summary>Opens the benchmark database on the cluster, loading the simulated events through Verdict when it is empty.</summary>
    private static ClickHouseEventStore Ensure(ExperimentBrief brief)
    {
        var cluster = Environment.GetEnvironmentVariable("VERDICT_BENCH_CLICKHOUSE") ?? Environment.GetEnvironmentVariable("VERDICT_TEST_CLICKHOUSE")
            ?? throw new InvalidOperationException("set VERDICT_BENCH_CLICKHOUSE (start a cluster with tests/clickhouse/start.sh)");
        var address = ClickHouseAddress.Parse(cluster);
        var store = ClickHouseEventStore.Open($"clickhouse://{string.Join(',', address.Endpoints.Select(e => e.Authority))}/verdict_bench?cluster={address.Cluster}");
        if (store.Count("events") > 0)
        {
            return store;
        }

        var units = (long)(Events / BenchmarkStore.EventsPerUnit);
        var simulator = new SupportBotSimulator(brief, new SupportBotScenario { Units = units, Seed = 3 });
        var watch = Stopwatch.StartNew();
        for (long first = 1; first <= units; first += UnitsPerLoad)
        {
            using var loader = store.BeginLoad();
            simulator.Run(loader, first, Math.Min(units, first + UnitsPerLoad - 1));
            loader.Commit();
        }

        Console.WriteLine($"// ClickHouse load: {store.Count("events"):N0} events, {store.Count("exposures"):N0} exposures in {watch.Elapsed.TotalSeconds:0.0} s through ClickHouseEventLoader");
        return store;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        clickHouse.Dispose();
        duckDb.Dispose();
    }

    [Benchmark(Baseline = true)]
    public long ClickHouseHandWrittenPrimaryQuery()
    {
        using var reader = clickHouse.Query(ClickHouseHandWrittenQuery.Sql("verdict_bench"), []);
        long units = 0;
        while (reader.Read())
        {
            units += reader.GetInt64(1);
        }

        return units;
    }

    [Benchmark]
    public LaunchDecision ClickHouseFullAnalysis() => Analysis.FullAnalysis.Run(clickHouse, brief).Decision;

    [Benchmark]
    public LaunchDecision DuckDbFullAnalysis() => Analysis.FullAnalysis.Run(duckDb, brief).Decision;
}
