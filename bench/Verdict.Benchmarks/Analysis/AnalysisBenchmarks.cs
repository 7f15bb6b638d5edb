using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Storage;
using Verdict.Storage.DuckDb;

namespace Verdict.Benchmarks.Analysis;

/// <summary>
/// The full analysis (primary with CUPED, five guardrails including a p95 and a ratio, segments, daily novelty)
/// beside the one hand-written DuckDB query an expert would write for the primary metric alone, on the same store,
/// and the lower bound of any SQL full analysis (<see cref="HandWrittenQuery.FloorSql"/>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class AnalysisBenchmarks
{
    private EventStore store = null!;
    private ExperimentBrief brief = null!;

    [Params(1_000_000, 10_000_000)]
    public long Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        brief = BenchmarkStore.Brief();
        store = DuckDbEventStore.Open(BenchmarkStore.Ensure(Events));
    }

    [GlobalCleanup]
    public void Cleanup() => store.Dispose();

    [Benchmark(Baseline = true)]
    public long HandWrittenPrimaryQuery() => HandWrittenQuery.Run(store);

    [Benchmark]
    public long AllMetricEventsJoinedOnly() => HandWrittenQuery.RunFloor(store);

    [Benchmark]
    public LaunchDecision FullAnalysis() => Analysis.FullAnalysis.Run(store, brief).Decision;
}
