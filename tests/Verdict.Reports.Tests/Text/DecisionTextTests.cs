using Verdict.Experiments.Analysis;
using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Experiments.Metrics;
using Verdict.Experiments.Quantities;
using Verdict.Reports.Text;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Sequential;

namespace Verdict.Reports.Tests.Text;

/// <summary>The words of the primary step's reasons (docs/analysis.md, "Verdict"), one per code, from their evidence.</summary>
public sealed class DecisionTextTests
{
    private static readonly Estimate Worse = new(-0.031, 0.01, -0.0506, -0.0114, 0.002, 0.999, 0.001);
    private static readonly Estimate Small = new(0.012, 0.01, -0.0076, 0.0316, 0.23, 0.115, 0.885);

    private static string Text(string code, StepEvidence evidence) => DecisionText.Text(new DecisionReason(code, LaunchDecision.Hold, evidence));

    [Fact]
    public void Text_PrimaryDirection_SaysWhichWayAndByHowMuch()
    {
        Assert.Equal("the primary metric is significantly worse (-3.1 pp, interval below 0)", Text(ReasonCodes.PrimaryWorse, new LiftEvidence("resolved", Worse, MetricUnit.Proportion)));
        Assert.Equal("the primary metric crossed the lower sequential boundary (-3.1 pp)", Text(ReasonCodes.PrimaryBelowBoundary, new LiftEvidence("resolved", Worse, MetricUnit.Proportion)));
        Assert.Equal("inconclusive: the primary interval [-0.8 pp, +3.2 pp] includes 0", Text(ReasonCodes.PrimaryInconclusive, new LiftEvidence("resolved", Small, MetricUnit.Proportion)));
    }

    [Fact]
    public void Text_SequentialLook_NamesTheBoundary()
    {
        var look = new LookEvaluation(1, 0.25, 1.2, LookAction.Continue, 4.33, null, 7e-6, 7e-6, false, false, null);
        var evidence = new SequentialLookEvidence(look, Small, MetricUnit.Proportion);
        Assert.Equal("continue to the next registered look: z 1.20 is inside ±4.33 at information 0.25", Text(ReasonCodes.ContinueToNextLook, evidence));
        Assert.Equal("the final look did not cross the boundary ±4.33", Text(ReasonCodes.FinalLookNotCrossed, evidence with { Look = look with { IsFinal = true } }));
    }

    [Fact]
    public void Text_ShipAndThreshold_NameTheMinimumShipLift()
    {
        var minimum = new Quantity(0.05, QuantityUnit.Proportion);
        Assert.Equal($"the lift is real but below the minimum ship lift {minimum}", Text(ReasonCodes.BelowShipThreshold, new ShipThresholdEvidence(0.04, MetricUnit.Proportion, minimum)));
        Assert.Equal($"resolved +4.0 pp with the interval above 0 and at least {minimum}; integrity and every guardrail pass", Text(ReasonCodes.Ship, new ShipEvidence("resolved", 0.04, MetricUnit.Proportion, minimum)));
    }
}
