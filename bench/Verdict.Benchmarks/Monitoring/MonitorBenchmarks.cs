using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Verdict.Benchmarks.Analysis;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;
using Verdict.Storage;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;

namespace Verdict.Benchmarks.Monitoring;

/// <summary>
/// One monitor pass of one experiment — its five guardrails watched in 1-day windows, the last complete day judged
/// (one window query shared by the five, then the rule per guardrail) — beside the full analysis of the same store.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class MonitorBenchmarks
{
    private static readonly DateTimeOffset LastDay = new(2026, 5, 17, 0, 0, 0, TimeSpan.Zero);

    private EventStore store = null!;
    private ExperimentBrief brief = null!;

    [Params(10_000_000)]
    public long Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var plain = BenchmarkStore.Brief();
        brief = plain with
        {
            Guardrails = [.. plain.Guardrails.Select(g => g with { Monitor = new GuardrailMonitor(TimeSpan.FromDays(1), null, 100, 2, MonitorAction.Pause, null) })],
        };
        store = DuckDbEventStore.Open(BenchmarkStore.Ensure(Events));
    }

    [GlobalCleanup]
    public void Cleanup() => store.Dispose();

    [Benchmark(Baseline = true)]
    public LaunchDecision FullAnalysis() => Analysis.FullAnalysis.Run(store, brief).Decision;

    [Benchmark]
    public int MonitorPass()
    {
        var ledger = new MonitorLedger(brief, LastDay);
        return ledger.Advance(new SqlMetricSource(store), LastDay.AddDays(1)).Count(s => s.Window.Outcome == WindowOutcome.Breach);
    }
}
