using System.Globalization;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Planning;
using Verdict.Testing;

namespace Verdict.Experiments.Analysis.Tests;

public sealed class ResolvedPlanTests
{
    private static readonly ExperimentBrief Brief = Example.Brief() with { SecondaryMetrics = [], Segments = [] };

    private static ExperimentBrief Weighted(double control, double treatment, long planned) => Brief with
    {
        Arms = [Brief.Control with { Weight = control }, Brief.Arms.Single(a => a.Name == "treatment") with { Weight = treatment }],
        Analysis = Brief.Analysis with { PlannedUnitsPerArm = planned },
    };

    [Fact]
    public void From_RegisteredSize_IsThePlannedUnitsAndEachArmsTargetScalesByWeightOverTheLargest()
    {
        var plan = ResolvedPlan.From(Weighted(0.3, 0.7, 1000));
        Assert.Equal(1000, plan.PlannedUnitsPerArm);
        Assert.Equal((long)Math.Ceiling(1000 * 0.3 / 0.7), plan.TargetUnits["control"]);
        Assert.Equal(1000, plan.TargetUnits["treatment"]);
        Assert.Equal(plan.TargetUnits["control"] + plan.TargetUnits["treatment"], plan.TargetOf("control", "treatment"));
    }

    [Fact]
    public void From_ComputedSize_IsThePlannersLargestArm()
    {
        var brief = Brief with { Analysis = Brief.Analysis with { PlannedUnitsPerArm = null } };
        var plan = ResolvedPlan.From(brief);
        Assert.Equal(ExperimentPlanner.Plan(brief).Arms.Max(a => a.Units), plan.PlannedUnitsPerArm);
        Assert.Same(plan.Sizing, plan.Sizing);
    }

    [Fact]
    public void From_UnsizableBrief_KeepsTheReasonAsANoteAndHasNoTargets()
    {
        var brief = Brief with { Analysis = Brief.Analysis with { PlannedUnitsPerArm = null, Baseline = null } };
        var plan = ResolvedPlan.From(brief);
        Assert.Null(plan.PlannedUnitsPerArm);
        Assert.Empty(plan.TargetUnits);
        Assert.Null(plan.TargetOf("control", "treatment"));
        Assert.NotEmpty(plan.Sizing.Notes);
    }

    [Fact]
    public void Analyze_UnequalWeights_CumulativeFractionIsTheComparedArmsOverTheirTargets()
    {
        // 30/70 split, 7 000 planned for the larger arm: the control's target is 3 000.
        var brief = Weighted(0.3, 0.7, 7000);
        var builder = new SyntheticData(21).Arm("control", 3000, 0.38).Arm("treatment", 7000, 0.42);
        for (var day = 0; day < 4; day++)
        {
            var value = new DateOnly(2026, 5, 4).AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            builder.Arm("control", 750, 0.38, scope: CellScope.Day, scopeName: "day", scopeValue: value)
                .Arm("treatment", 1750, 0.42, scope: CellScope.Day, scopeName: "day", scopeValue: value);
        }

        var report = LaunchAnalyzer.Analyze(brief, builder.Build());
        var plan = ResolvedPlan.From(brief);
        Assert.Equal(4, report.Cumulative.Count);
        foreach (var effect in report.Cumulative)
        {
            Assert.Equal((double)(effect.ControlUnits + effect.TreatmentUnits) / plan.TargetOf("control", "treatment")!.Value, effect.InformationFraction!.Value, 12);
        }

        // Fully enrolled, the two arms have reached their plan: the fraction ends at 1, not at (3 000 + 7 000) / (2 × 7 000).
        Assert.Equal(1.0, report.Cumulative[^1].InformationFraction!.Value, 12);
    }
}
