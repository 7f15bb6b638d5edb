using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Verdict.Benchmarks.Analysis;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Storage;
using Verdict.Storage.ClickHouse;
using Verdict.Storage.DuckDb;

namespace Verdict.Benchmarks.ClickHouse;

/// <summary>
/// The full analysis of the benchmark brief on the two-shard ClickHouse cluster (tests/clickhouse/start.sh) beside the
/// hand-written ClickHouse query for the primary metric alone, and the same analysis on single-node DuckDB and
/// PostgreSQL, on the same 10 M simulated events (seed 3, as <see cref="BenchmarkStore"/>), in one run. The stores come
/// from <see cref="BenchmarkStores"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ClickHouseBenchmarks
{
    private const long Events = 10_000_000;
    private ClickHouseEventStore clickHouse = null!;
    private EventStore duckDb = null!;
    private EventStore postgres = null!;
    private ExperimentBrief brief = null!;

    [GlobalSetup]
    public void Setup()
    {
        brief = BenchmarkStore.Brief();
        duckDb = DuckDbEventStore.Open(BenchmarkStore.Ensure(Events));
        clickHouse = BenchmarkStores.ClickHouse(brief, Events);
        postgres = BenchmarkStores.Postgres(brief, Events);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        clickHouse.Dispose();
        duckDb.Dispose();
        postgres.Dispose();
    }

    [Benchmark(Baseline = true)]
    public long ClickHouseHandWrittenPrimaryQuery() => ClickHouseTimedRun.HandWritten(clickHouse);

    [Benchmark]
    public LaunchDecision ClickHouseFullAnalysis() => Analysis.FullAnalysis.Run(clickHouse, brief).Decision;

    [Benchmark]
    public LaunchDecision DuckDbFullAnalysis() => Analysis.FullAnalysis.Run(duckDb, brief).Decision;

    [Benchmark]
    public LaunchDecision PostgresFullAnalysis() => Analysis.FullAnalysis.Run(postgres, brief).Decision;
}
