using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Quantities;
using Verdict.Statistics.Sequential;
using Verdict.Testing;

namespace Verdict.Experiments.Analysis.Tests;

public sealed class LaunchAnalyzerTests
{
    private static readonly ExperimentBrief Brief = WithoutSecondary(Example.Brief());

    private static ExperimentBrief WithoutSecondary(ExperimentBrief brief) => brief with { SecondaryMetrics = [], Segments = [] };

    [Fact]
    public void Analyze_SeedLikeResults_Ships()
    {
        var data = new SyntheticData(1).Arm("control", 20_000, 0.38).Arm("treatment", 20_000, 0.42, latencyMedian: 1068).Build();
        var report = LaunchAnalyzer.Analyze(Brief, data);
        Assert.Equal(LaunchDecision.Ship, report.Decision);
        Assert.All(report.Checks.Where(c => c.Step != "integrity" || c.Name != "burn-in"), c => Assert.NotEqual(CheckStatus.Fail, c.Status));
        Assert.NotNull(report.Primary!.VarianceReduction);
    }

    [Fact]
    public void Analyze_LatencyBeyondBudget_RollsBackEvenWithAWinningPrimary()
    {
        // Seed 000's practice: treatment latency 1490 ms against 1180 ms breaks the 150 ms budget.
        var data = new SyntheticData(2).Arm("control", 20_000, 0.38).Arm("treatment", 20_000, 0.42, latencyMedian: 1263).Build();
        var report = LaunchAnalyzer.Analyze(Brief, data);
        Assert.Equal(LaunchDecision.RollBack, report.Decision);
        Assert.Contains(report.DecisionReasons, r => r.Evidence is GuardrailBudgetEvidence { Outcome.Comparison.Metric: "p95_latency" });
    }

    [Fact]
    public void Analyze_RealLiftBelowShipThreshold_Holds()
    {
        var brief = Brief with { Analysis = Brief.Analysis with { MinimumShipLift = new Quantity(0.05, QuantityUnit.Proportion) } };
        var data = new SyntheticData(3).Arm("control", 20_000, 0.38).Arm("treatment", 20_000, 0.42).Build();
        var report = LaunchAnalyzer.Analyze(brief, data);
        Assert.Equal(LaunchDecision.Hold, report.Decision);
        Assert.Contains(report.Checks, c => c.Name == "observed lift clears the ship threshold" && c.Status == CheckStatus.Fail);
        Assert.Contains(report.Checks, c => c.Name == "interval above zero" && c.Status == CheckStatus.Pass);
    }

    [Fact]
    public void Analyze_SampleRatioMismatch_IsInvalidAndShowsNoLift()
    {
        var data = new SyntheticData(4).Arm("control", 1650, 0.38).Arm("treatment", 2350, 0.42).Build();
        var report = LaunchAnalyzer.Analyze(Brief, data);
        Assert.Equal(LaunchDecision.Invalid, report.Decision);
        Assert.Null(report.Primary);
        Assert.DoesNotContain(report.Checks, c => c.Step == "primary");
    }

    [Fact]
    public void Analyze_BeforePlannedSample_IsInvalid()
    {
        var data = new SyntheticData(5).Arm("control", 2000, 0.38).Arm("treatment", 2000, 0.42).Build();
        var report = LaunchAnalyzer.Analyze(Brief, data);
        Assert.Equal(LaunchDecision.Invalid, report.Decision);
        Assert.Contains(report.Checks, c => c.Name == "planned sample reached" && c.Status == CheckStatus.Fail);
    }

    [Fact]
    public void Analyze_ManyUnitsInBothArms_IsInvalid()
    {
        var builder = new SyntheticData(6).Arm("control", 20_000, 0.38).Arm("treatment", 20_000, 0.42);
        builder.MultiArm = 2_000;
        Assert.Equal(LaunchDecision.Invalid, LaunchAnalyzer.Analyze(Brief, builder.Build()).Decision);
    }

    [Fact]
    public void Analyze_SignificantlyWorsePrimary_RollsBack()
    {
        var data = new SyntheticData(7).Arm("control", 20_000, 0.42).Arm("treatment", 20_000, 0.38).Build();
        Assert.Equal(LaunchDecision.RollBack, LaunchAnalyzer.Analyze(Brief, data).Decision);
    }

    [Fact]
    public void Analyze_SimpsonMix_WarnsThatSegmentsDisagreeWithThePool()
    {
        // Seed 001's table: mobile 85% vs 80% (200 vs 800 units), desktop 70% vs 65% (800 vs 200).
        var brief = Example.Brief() with { SecondaryMetrics = [] };
        var builder = new SyntheticData(8)
            .Arm("control", 10_000, 0.73).Arm("treatment", 10_000, 0.77)
            .Arm("control", 2_000, 0.85, scope: CellScope.Segment, scopeName: "device", scopeValue: "mobile")
            .Arm("treatment", 8_000, 0.80, scope: CellScope.Segment, scopeName: "device", scopeValue: "mobile")
            .Arm("control", 8_000, 0.70, scope: CellScope.Segment, scopeName: "device", scopeValue: "desktop")
            .Arm("treatment", 2_000, 0.65, scope: CellScope.Segment, scopeName: "device", scopeValue: "desktop");
        builder.Segments["device"] = new Dictionary<string, IReadOnlyDictionary<string, long>>
        {
            ["mobile"] = new Dictionary<string, long> { ["control"] = 2_000, ["treatment"] = 8_000 },
            ["desktop"] = new Dictionary<string, long> { ["control"] = 8_000, ["treatment"] = 2_000 },
        };
        var report = LaunchAnalyzer.Analyze(brief with { Guardrails = [], Segments = [new Segment("device", "device", false)] }, builder.Build());

        Assert.Contains(report.Checks, c => c.Name == "sample ratio by device" && c.Status == CheckStatus.Warn);
        Assert.Contains(report.Checks, c => c.Name == "Simpson's paradox (device)" && c.Status == CheckStatus.Warn);
        Assert.Equal(LaunchDecision.Hold, report.Decision);
        Assert.All(report.Segments, s => Assert.True(s.Lift.Absolute.Value < 0));
        Assert.True(report.Primary!.Lift.Absolute.Value > 0);
    }

    [Fact]
    public void Analyze_DecayingDailyEffect_WarnsOfNovelty()
    {
        var builder = new SyntheticData(9).Arm("control", 20_000, 0.38).Arm("treatment", 20_000, 0.42);
        for (var day = 0; day < 12; day++)
        {
            var value = new DateOnly(2026, 5, 4).AddDays(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var effect = day < 4 ? 0.12 : 0.0;
            builder.Arm("control", 1600, 0.38, scope: CellScope.Day, scopeName: "day", scopeValue: value)
                .Arm("treatment", 1600, 0.38 + effect, scope: CellScope.Day, scopeName: "day", scopeValue: value);
        }

        var report = LaunchAnalyzer.Analyze(Brief, builder.Build());
        Assert.Equal(12, report.Daily.Count);
        Assert.Contains(report.Checks, c => c.Name == "effect over time" && c.Status == CheckStatus.Warn);
    }

    [Fact]
    public void Analyze_GroupSequentialEarlyLook_ContinuesUnlessTheBoundaryIsCrossed()
    {
        var brief = Brief with
        {
            Analysis = Brief.Analysis with { Design = AnalysisDesign.GroupSequential, Looks = [0.25, 0.5, 0.75, 1], Spending = "obf" },
        };

        // About a quarter of the inflated plan: a +4-point lift gives z ≈ 3, short of the first O'Brien–Fleming boundary (≈ 4.3).
        var early = new SyntheticData(10).Arm("control", 2400, 0.38).Arm("treatment", 2400, 0.42).Build();
        var report = LaunchAnalyzer.Analyze(brief, early);
        Assert.Equal(LaunchDecision.Hold, report.Decision);
        Assert.Contains(report.Checks, c => c.Name == "sequential boundary" && c.Status == CheckStatus.Fail && c.Evidence is SequentialLookEvidence { Look.Action: LookAction.Continue });

        // A large effect crosses the first boundary and may stop early.
        var strong = new SyntheticData(11).Arm("control", 2400, 0.30).Arm("treatment", 2400, 0.42).Build();
        Assert.Equal(LaunchDecision.Ship, LaunchAnalyzer.Analyze(brief, strong).Decision);

        var tooEarly = new SyntheticData(12).Arm("control", 500, 0.38).Arm("treatment", 500, 0.42).Build();
        Assert.Equal(LaunchDecision.Invalid, LaunchAnalyzer.Analyze(brief, tooEarly).Decision);
    }

    /// <summary>The example brief with a second treatment, the three arms a third of the traffic each.</summary>
    private static ExperimentBrief ThreeArms()
    {
        var treatment = Brief.Arms.Single(a => a.Name == "treatment");
        return Brief with
        {
            Arms = [Brief.Control with { Weight = 1.0 / 3 }, treatment with { Weight = 1.0 / 3 }, treatment with { Name = "treatment_b", Weight = 1.0 / 3 }],
        };
    }

    [Fact]
    public void Analyze_SecondTreatmentArm_IsComparedWithControlWhenChosen()
    {
        var brief = ThreeArms();
        var data = new SyntheticData(13).Arm("control", 20_000, 0.38).Arm("treatment", 20_000, 0.38).Arm("treatment_b", 20_000, 0.42).Build();

        var first = LaunchAnalyzer.Analyze(brief, data);
        Assert.Equal("treatment", first.TreatmentArm);
        Assert.NotEqual(LaunchDecision.Ship, first.Decision);

        var second = LaunchAnalyzer.Analyze(brief, data, treatmentArm: "treatment_b");
        Assert.Equal("treatment_b", second.TreatmentArm);
        Assert.Equal(LaunchDecision.Ship, second.Decision);

        var error = Assert.Throws<ArgumentException>(() => LaunchAnalyzer.Analyze(brief, data, treatmentArm: "control"));
        Assert.Equal("treatmentArm", error.ParamName);
    }

    [Fact]
    public void Analyze_TwoTreatments_TestsThePrimaryAtHalfTheAlpha()
    {
        var brief = ThreeArms();
        var data = new SyntheticData(13).Arm("control", 20_000, 0.38).Arm("treatment", 20_000, 0.38).Arm("treatment_b", 20_000, 0.42).Build();

        var report = LaunchAnalyzer.Analyze(brief, data, treatmentArm: "treatment_b");
        Assert.Equal(brief.Analysis.Alpha / 2, brief.PrimaryAlpha);
        var expected = MetricComparer.Compare(Brief, data, Brief.PrimaryMetric, "control", "treatment_b", brief.Analysis.Alpha / 2)!;
        Assert.Equal(expected.Lift.Absolute.CiLow, report.Primary!.Lift.Absolute.CiLow, 12);
        Assert.True(report.Primary.Lift.Absolute.CiLow < MetricComparer.Compare(Brief, data, Brief.PrimaryMetric, "control", "treatment_b", brief.Analysis.Alpha)!.Lift.Absolute.CiLow);
        Assert.Contains(report.Checks, c => c.Name == "several treatments" && c.Evidence is SeveralTreatmentsEvidence { Alpha: 0.025 });
    }
}
