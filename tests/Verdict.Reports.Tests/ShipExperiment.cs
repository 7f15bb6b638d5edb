using System.Globalization;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Locking;
using Verdict.Experiments.Planning;
using Verdict.Reports.Html;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Testing;

namespace Verdict.Reports.Tests;

/// <summary>
/// Seed 000's clean launch (SHIP), analysed by the real analysis from seeded aggregates built here
/// (<see cref="SyntheticData"/>: both arms overall, on each of 14 enrollment days and in each device and plan segment,
/// with the two secondary metrics), so the report is rendered without a store. The path simulate → store → SQL →
/// analysis → report is Verdict.EndToEnd.Tests' concern. Shared by the tests of one class; lives in its own temporary
/// directory.
/// </summary>
public sealed class ShipExperiment : IDisposable
{
    private const long UnitsPerArm = 20_000;
    private const int Days = 14;
    private static readonly DateOnly FirstDay = new(2026, 5, 4);

    private static readonly (string Segment, string Value, double Share)[] SegmentValues =
        [("device", "mobile", 0.6), ("device", "desktop", 0.4), ("plan", "free", 0.7), ("plan", "pro", 0.3)];

    public ShipExperiment()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("verdict-report-tests-").FullName;
        Brief = Example.Brief();
        Lock = BriefCanonicalForm.Lock(Brief);
        var random = new Random(17);
        var data = new SyntheticData(17).Arm("control", UnitsPerArm, 0.38).Arm("treatment", UnitsPerArm, 0.42, latencyMedian: 1068);
        for (var day = 0; day < Days; day++)
        {
            var value = FirstDay.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            data.Arm("control", UnitsPerArm / Days, 0.38, scope: CellScope.Day, scopeName: "day", scopeValue: value)
                .Arm("treatment", UnitsPerArm / Days, 0.42, latencyMedian: 1068, scope: CellScope.Day, scopeName: "day", scopeValue: value);
        }

        foreach (var segment in SegmentValues.GroupBy(s => s.Segment, s => (s.Value, Units: (long)(UnitsPerArm * s.Share))))
        {
            foreach (var (value, units) in segment)
            {
                data.Arm("control", units, 0.38, scope: CellScope.Segment, scopeName: segment.Key, scopeValue: value)
                    .Arm("treatment", units, 0.42, latencyMedian: 1068, scope: CellScope.Segment, scopeName: segment.Key, scopeValue: value);
            }

            data.Segments[segment.Key] = segment.ToDictionary(
                v => v.Value, IReadOnlyDictionary<string, long> (v) => new Dictionary<string, long>(StringComparer.Ordinal) { ["control"] = v.Units, ["treatment"] = v.Units }, StringComparer.Ordinal);
        }

        var built = data.Build();
        Data = built with { Cells = [.. built.Cells, .. Secondaries(random, "control", 0.38, 220), .. Secondaries(random, "treatment", 0.42, 226)] };
        Analysis = LaunchAnalyzer.Analyze(Brief, Data);
        Content = new ReportContent(Brief, Analysis, ExperimentPlanner.Plan(Brief), Lock, new DateTimeOffset(2026, 5, 20, 9, 0, 0, TimeSpan.Zero));
    }

    public string Directory { get; }

    public ExperimentBrief Brief { get; }

    public BriefLock Lock { get; }

    /// <summary>The aggregates the analysis read, for re-analysing under an edited brief.</summary>
    public MetricData Data { get; }

    public AnalysisReport Analysis { get; }

    public ReportContent Content { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    /// <summary>
    /// One arm's cells of the secondary metrics: answer tokens per conversation (normal around the given mean) and the
    /// cost per resolved conversation (a ratio: the answers' cost over resolutions at the given rate).
    /// </summary>
    private static IEnumerable<MetricCell> Secondaries(Random random, string arm, double resolution, double tokens)
    {
        BivariateMoments answerTokens = default, cost = default;
        for (var i = 0; i < UnitsPerArm; i++)
        {
            var normal = SyntheticData.Normal(random);
            answerTokens += new BivariateMoments(1, 0, tokens + (40 * normal), 0, 0, 0);
            cost += new BivariateMoments(1, random.NextDouble() < resolution ? 1 : 0, 0.002 * (1 + (0.1 * normal)), 0, 0, 0);
        }

        yield return new MetricCell("answer_tokens", arm, CellScope.Overall, null, null, answerTokens);
        yield return new MetricCell("cost_per_resolved_conversation", arm, CellScope.Overall, null, null, cost);
    }
}
