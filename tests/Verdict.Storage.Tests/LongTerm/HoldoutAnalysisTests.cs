using Verdict.Experiments.Analysis;
using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.LongTerm;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Simulation.LongTerm;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;
using Xunit;

namespace Verdict.Storage.Tests.LongTerm;

/// <summary>
/// The long-term holdout read from a store: both populations are aggregated by the analysis's SQL, the per-unit means
/// equal the same means computed from the raw rows, and the seeded truth (a decaying launch effect in treatment, none in
/// control) is inside the intervals; on each backend.
/// </summary>
public abstract class HoldoutAnalysisTests : IDisposable
{
    private const int Weeks = 13;
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<EventStore> stores = [];

    protected abstract EventStore CreateStore();

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }
    }

    /// <summary>The example brief with a 20 % long-term holdout and a 13-week count of solved conversations.</summary>
    internal static ExperimentBrief Brief(bool holdout = true) => TestEnvironment.ExampleBrief(
        yaml => yaml
            .Replace("  daily_units: 1500\n", holdout ? "  daily_units: 1500\n  holdout: {name: long-term, fraction: 0.2}\n" : "  daily_units: 1500\n", StringComparison.Ordinal)
            .Replace("secondary_metrics: [cost_per_resolved_conversation, answer_tokens]", "secondary_metrics: [solves_13w]", StringComparison.Ordinal),
        "  solves_13w:\n    type: count\n    event: conversation_solved\n    within: 91d\n");

    private (EventStore Store, RecordingSink Rows, (long HeldOut, long Exposed) Counts) Traffic(ExperimentBrief brief, int units, bool logHoldout = true)
    {
        var store = CreateStore();
        stores.Add(store);
        var rows = new RecordingSink();
        var counts = HoldoutSimulation.Run(brief, rows, units, Weeks, seed: 1603, Start);
        using (var loader = store.BeginLoad())
        {
            foreach (var e in rows.Exposures.Where(e => logHoldout || e.Arm != HoldoutAnalysis.Arm))
            {
                loader.Add(e);
            }

            foreach (var e in rows.Events)
            {
                loader.Add(e);
            }

            loader.Commit();
        }

        return (store, rows, counts);
    }

    [Fact]
    public void Analyze_SimulatedLaunch_MeansEqualRawRowsAndIntervalsCoverTheTruth()
    {
        var brief = Brief();
        var (store, rows, counts) = Traffic(brief, 8000);
        var source = new SqlMetricSource(store);

        var report = HoldoutAnalysis.Analyze(brief, source.Load(brief, null), source.Load(HoldoutAnalysis.HeldOutBrief(brief), null));

        // Populations: every simulated held-out and exposed unit is analysed (no burn-in).
        Assert.Equal(counts.HeldOut, report.HoldoutUnits);
        Assert.Equal(counts.Exposed, report.ExposedUnits.Values.Sum());
        Assert.Equal(0.2, report.ExpectedHoldoutShare, 12);
        Assert.Contains(report.Checks, c => c.Name == "holdout ratio" && c.Status == CheckStatus.Pass);

        // Means straight from the raw rows: solved conversations per unit over the 13 weeks, per population.
        var armOf = rows.Exposures.ToDictionary(e => e.UnitId, e => e.Arm);
        double Mean(string arm) =>
            (double)rows.Events.Count(e => armOf[e.UnitId] == arm) / armOf.Values.Count(a => a == arm);
        var solves = report.Comparisons.Where(c => c.Comparison.Metric == "solves_13w").ToDictionary(c => c.Arm, c => c.Comparison);
        Assert.Equal(["control", "treatment"], solves.Keys.Order(StringComparer.Ordinal));
        foreach (var (arm, comparison) in solves)
        {
            Assert.Equal(Mean(HoldoutAnalysis.Arm), comparison.ControlValue, 9);
            Assert.Equal(Mean(arm), comparison.TreatmentValue, 9);
            Assert.Equal(counts.HeldOut, comparison.ControlUnits);
        }

        // The truth: treatment − holdout = Σ of the weekly effects; control − holdout = 0.
        var truth = HoldoutSimulation.TotalEffect(Weeks, 0.06, 0.02, 2);
        Assert.InRange(truth, solves["treatment"].Lift.Absolute.CiLow, solves["treatment"].Lift.Absolute.CiHigh);
        Assert.InRange(0, solves["control"].Lift.Absolute.CiLow, solves["control"].Lift.Absolute.CiHigh);
        Assert.True(solves["treatment"].Lift.Absolute.PValue < 0.001);
        Assert.Contains(report.Comparisons, c => c.Role == "primary" && c.Arm == "treatment" && c.Comparison.Metric == brief.PrimaryMetric);
    }

    [Fact]
    public void Analyze_NoHoldoutExposures_FailsTheHeldOutCheck()
    {
        var brief = Brief();
        var (store, _, _) = Traffic(brief, 500, logHoldout: false);
        var source = new SqlMetricSource(store);

        var report = HoldoutAnalysis.Analyze(brief, source.Load(brief, null), source.Load(HoldoutAnalysis.HeldOutBrief(brief), null));

        Assert.Equal(0, report.HoldoutUnits);
        Assert.Empty(report.Comparisons);
        Assert.Contains(report.Checks, c => c.Name == "held-out units" && c.Status == CheckStatus.Fail && c.Evidence is HeldOutUnitsEvidence { Key: "refund-query-rewrite/holdout" });
    }

    [Fact]
    public void HeldOutBrief_BriefWithoutHoldout_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => HoldoutAnalysis.HeldOutBrief(Brief(holdout: false)));
        Assert.Contains("no traffic.holdout", error.Message, StringComparison.Ordinal);
    }
}

public sealed class DuckDbHoldoutAnalysisTests : HoldoutAnalysisTests
{
    protected override EventStore CreateStore() => DuckDbEventStore.Open(":memory:");
}

public sealed class PostgresHoldoutAnalysisTests : HoldoutAnalysisTests
{
    protected override EventStore CreateStore() => Postgres.PostgresEventStore.Open(TestEnvironment.NewPostgresDatabase());
}
