using Verdict.Assignment.Targeting;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Experiments.Planning;
using Verdict.Experiments.Quantities;
using Verdict.Testing;

namespace Verdict.Experiments.Tests;

/// <summary>Plans pinned to tests/reference/generate_plan_vectors.py (exact integers: units, days).</summary>
public sealed class ExperimentPlannerTests
{
    public static TheoryData<string> Cases() => new(PlanVector.All.Select(v => v.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_ReferenceCase_MatchesPythonUnitsAndDays(string name)
    {
        var v = PlanVector.All.Single(c => c.Name == name);
        var weights = v.Weights;
        var brief = Example.Brief();
        var isMean = v.Sd is not null;
        var metrics = new SortedDictionary<string, MetricDefinition>(brief.Metrics.ToDictionary(), StringComparer.Ordinal)
        {
            ["mean_latency"] = new() { Name = "mean_latency", Type = MetricType.Mean, Events = ["answer_generated"], Value = "latency_ms", Unit = MetricUnit.Milliseconds },
        };
        brief = brief with
        {
            Arms = weights.Select((w, i) => new ArmDefinition(i == 0 ? "control" : $"t{i}", w, i == 0, new Receipt())).ToArray(),
            Metrics = metrics,
            PrimaryMetric = isMean ? "mean_latency" : brief.PrimaryMetric,
            Traffic = brief.Traffic with { Exposure = v.Share },
            Analysis = brief.Analysis with
            {
                Baseline = isMean ? null : v.Baseline,
                BaselineStandardDeviation = isMean ? v.Sd : null,
                Mde = new Quantity(v.Mde, isMean ? QuantityUnit.Milliseconds : QuantityUnit.Proportion),
                Alpha = v.Alpha,
                Power = v.Power,
            },
        };

        var plan = ExperimentPlanner.Plan(brief, v.Daily);

        Assert.Equal(v.Units, plan.Arms.Select(a => a.Units));
        Assert.Equal(v.Total, plan.TotalUnits);
        Assert.Equal(v.Days, plan.DurationDays);
    }

    [Fact]
    public void Plan_RelativeMde_UsesBaseline()
    {
        var brief = Example.Brief();
        brief = brief with { Analysis = brief.Analysis with { Mde = new Quantity(0.05, QuantityUnit.Relative) } };
        var expected = PlanVector.All.Single(c => c.Name == "seed-000-relative-5pct");
        Assert.Equal(expected.Units[0], ExperimentPlanner.Plan(brief).Arms[0].Units);
    }

    [Fact]
    public void Plan_GroupSequentialByDefault_UsesTheStatisticsEngine()
    {
        var brief = Example.Brief();
        brief = brief with { Analysis = brief.Analysis with { Design = AnalysisDesign.GroupSequential, Looks = [0.5, 1], Spending = "obf" } };
        var plan = ExperimentPlanner.Plan(brief);
        var expected = GroupSequentialPlanner.Design([0.5, 1], "obf", brief.Analysis.Alpha, brief.Analysis.Power);
        Assert.NotNull(plan.Sequential);
        Assert.Equal(expected.EfficacyBoundaries, plan.Sequential!.Looks.Select(l => l.EfficacyZ));
        Assert.True(plan.Sequential.InflationFactor > 1);
    }

    [Fact]
    public void Plan_GroupSequentialWithPlanner_InflatesAndReportsLooks()
    {
        var brief = Example.Brief();
        brief = brief with { Analysis = brief.Analysis with { Design = AnalysisDesign.GroupSequential, Looks = [0.5, 1], Spending = "obf" } };
        var fixedUnits = ExperimentPlanner.Plan(brief with { Analysis = brief.Analysis with { Design = AnalysisDesign.FixedHorizon } }).Arms[0].Units;
        var plan = ExperimentPlanner.Plan(brief, sequential: new FixedInflation(1.5));
        Assert.Equal((long)Math.Ceiling(fixedUnits * 1.5), plan.Arms[0].Units);
        Assert.Equal(2, plan.Sequential!.Looks.Count);
    }

    [Fact]
    public void EnrolledShare_LayerAndHoldout_Multiply()
    {
        var brief = Example.Brief();
        brief = brief with { Traffic = brief.Traffic with { Exposure = 0.5, Layer = new LayerShare("support", 0.2, 0.6), Holdout = new Holdout("global", 0.1) } };
        Assert.Equal(0.5 * 0.4 * 0.9, ExperimentPlanner.EnrolledShare(brief), 12);
    }

    private sealed class FixedInflation(double factor) : ISequentialPlanner
    {
        public SequentialDesign Plan(IReadOnlyList<double> looks, string spending, double alpha, double power) =>
            new(factor, looks.Select(l => new SequentialLook(l, double.NaN, double.NaN)).ToList());
    }
}
