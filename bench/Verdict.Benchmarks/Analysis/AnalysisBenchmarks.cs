using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Verdict.Experiments;
using Verdict.Experiments.Analysis;
using Verdict.Storage;

namespace Verdict.Benchmarks.Analysis;

/// <summary>
/// The full analysis (primary with CUPED, five guardrails including a p95 and a ratio, segments, daily novelty)
/// beside the one hand-written DuckDB query an expert would write for the primary metric alone, on the same store.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class AnalysisBenchmarks
{
    /// <summary>The primary metric by hand: per-unit aggregation, then per-arm count, sum and sum of squares.</summary>
    private const string HandWritten = """
        WITH u AS (
            SELECT unit_id, MIN(ts) AS first_ts, MIN(arm) AS arm FROM exposures
            WHERE experiment = 'refund-query-rewrite' AND version = 1 GROUP BY unit_id),
        r AS (
            SELECT DISTINCT s.unit_id FROM events s JOIN u ON s.unit_id = u.unit_id
            WHERE s.name = 'conversation_solved' AND s.ts >= u.first_ts AND s.ts < u.first_ts + 604800000000
              AND NOT EXISTS (SELECT 1 FROM events t WHERE t.unit_id = s.unit_id AND t.name = 'ticket_opened'
                              AND t.ts >= s.ts AND t.ts <= s.ts + 600000000))
        SELECT arm, COUNT(*) AS n, SUM(y) AS sum_y, SUM(y * y) AS sum_y2
        FROM (SELECT u.arm, CASE WHEN r.unit_id IS NULL THEN 0 ELSE 1 END AS y FROM u LEFT JOIN r ON r.unit_id = u.unit_id)
        GROUP BY arm
        """;

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
    public long HandWrittenPrimaryQuery()
    {
        using var reader = store.Query(HandWritten, []);
        long n = 0;
        while (reader.Read())
        {
            n += Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return n;
    }

    [Benchmark]
    public LaunchDecision FullAnalysis() => LaunchAnalyzer.Analyze(brief, new SqlMetricSource(store).Load(brief, null)).Decision;
}
