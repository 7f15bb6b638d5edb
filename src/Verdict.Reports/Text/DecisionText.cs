using Verdict.Experiments.Analysis;
using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Outcomes;

namespace Verdict.Reports.Text;

/// <summary>
/// The one place a verdict's reasons become text (<c>reasons</c> in the analysis JSON, the memo, the report, the console,
/// the monitor's looks), from the evidence and code of each <see cref="DecisionReason"/>.
/// </summary>
public static class DecisionText
{
    /// <summary>The reasons of <paramref name="report"/>'s verdict, in order.</summary>
    public static IReadOnlyList<string> Reasons(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Reasons(report.DecisionReasons);
    }

    /// <summary>The text of each reason, in order.</summary>
    public static IReadOnlyList<string> Reasons(IEnumerable<DecisionReason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return reasons.Select(Text).ToList();
    }

    /// <summary>The text of one reason.</summary>
    public static string Text(DecisionReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return (reason.Code, reason.Evidence) switch
        {
            (ReasonCodes.PrimaryNoEstimate, NoEstimateEvidence e) => $"the primary metric could not be estimated: {CheckText.Why(e)}",
            (ReasonCodes.GuardrailNoData, NoEstimateEvidence e) => $"guardrail {e.Metric} could not be judged",
            (ReasonCodes.PrimaryBelowBoundary, LiftEvidence e) => $"the primary metric crossed the lower sequential boundary ({MetricFormat.Delta(e.Lift.Value, e.Unit)})",
            (ReasonCodes.PrimaryWorse, LiftEvidence e) => $"the primary metric is significantly worse ({MetricFormat.Delta(e.Lift.Value, e.Unit)}, interval below 0)",
            (ReasonCodes.PrimaryInconclusive, LiftEvidence e) => $"inconclusive: the primary interval {MetricFormat.Interval(e.Lift.CiLow, e.Lift.CiHigh, e.Unit)} includes 0",
            (ReasonCodes.FinalLookNotCrossed, SequentialLookEvidence e) => $"the final look did not cross the boundary ±{e.Look.EfficacyBoundary:0.00}",
            (ReasonCodes.ContinueToNextLook, SequentialLookEvidence e) => $"continue to the next registered look: z {e.Lift.Value / e.Lift.StandardError:0.00} is inside ±{e.Look.EfficacyBoundary:0.00} at information {e.Look.InformationFraction:0.###}",
            _ => Text(reason.Evidence),
        };
    }

    /// <summary>The text of a reason whose evidence alone says what it is (an interleaving verdict's reasons carry no code).</summary>
    public static string Text(StepEvidence evidence) => evidence switch
    {
        NoteEvidence e => e.Text,
        CheckReasonEvidence e => $"{e.Check.Name}: {CheckText.Detail(e.Check)}",
        RegisteredPlanEvidence e => $"{RegisteredPlanCheck.Name}: {e.Problem}",
        ShipThresholdEvidence e => $"the lift is real but below the minimum ship lift {e.MinimumShipLift}",
        ShipEvidence e => $"{e.Metric} {MetricFormat.Delta(e.Lift, e.Unit)} with the interval above 0 and at least {e.MinimumShipLift}; integrity and every guardrail pass",
        GuardrailBudgetEvidence e => $"guardrail {e.Outcome.Comparison.Metric} breached: {EffectText.Guardrail(e.Outcome)}",
        SegmentSliceEvidence e => $"critical segment {e.Slice.Segment}={e.Slice.Value} regresses ({MetricFormat.Delta(e.Slice.Lift.Absolute.Value, e.Unit)}, interval below 0)",
        InterleavingPreferenceEvidence e => InterleavingText.Preference(e),
        null => throw new ArgumentNullException(nameof(evidence)),
        var other => throw new ArgumentException($"no reason wording for {other.GetType().Name}", nameof(evidence)),
    };
}
