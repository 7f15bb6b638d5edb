using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Experiments.Briefs;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Sequential;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// Step 2: the primary metric at the brief's alpha split across its treatments, the sequential look when the design has
/// one, and the ship threshold; its reasons argue ROLL BACK (significantly worse, below the lower boundary), HOLD
/// (inconclusive, inside the boundary, below the threshold) or INVALID (no estimate).
/// </summary>
internal static class PrimaryStep
{
    public const string Step = "primary";

    public static PrimaryOutcome Run(ResolvedPlan plan, MetricData data, string control, string treatment, double? fraction)
    {
        var brief = plan.Brief;
        var checks = new List<AnalysisCheck>();
        var alpha = brief.PrimaryAlpha;
        if (brief.TreatmentCount > 1)
        {
            var others = brief.Arms.Where(a => !a.IsControl && a.Name != treatment).Select(a => a.Name).ToList();
            checks.Add(new AnalysisCheck(Step, "several treatments", CheckStatus.Info,
                new SeveralTreatmentsEvidence(brief.TreatmentCount, brief.Analysis.Alpha, treatment, control, alpha, others), ReasonCodes.SeveralTreatments));
        }

        var absence = MetricEvidence.Absence(brief, data, brief.PrimaryMetric);
        var primary = absence is null ? MetricComparer.Compare(brief, data, brief.PrimaryMetric, control, treatment, alpha) : null;
        if (primary is null || !primary.Lift.IsAvailable)
        {
            var why = new NoEstimateEvidence(brief.PrimaryMetric, absence, primary);
            checks.Add(new AnalysisCheck(Step, brief.PrimaryMetric, CheckStatus.Fail, why, ReasonCodes.PrimaryNoEstimate));
            return new PrimaryOutcome(checks, [new(ReasonCodes.PrimaryNoEstimate, LaunchDecision.Invalid, why)], primary, null, false);
        }

        var minimumShip = brief.Analysis.MinimumShipLift;
        var lift = primary.Lift.Absolute;
        var shipValue = minimumShip.IsRelative ? primary.Lift.Relative.Value : lift.Value;
        var unit = primary.Unit;
        checks.Add(new AnalysisCheck(Step, "interval above zero", lift.CiLow > 0 ? CheckStatus.Pass : CheckStatus.Fail,
            new PrimaryIntervalEvidence(primary, alpha), ReasonCodes.PrimaryInterval));
        var clears = shipValue >= minimumShip.Value;
        LookEvaluation? look = null;
        if (fraction is { } t && lift.StandardError > 0)
        {
            var evaluation = SequentialLookCheck.Evaluate(brief, t, lift);
            look = evaluation;
            var crossed = evaluation.Action == LookAction.StopEfficacy && lift.Value > 0;
            checks.Add(new AnalysisCheck(Step, "sequential boundary", crossed ? CheckStatus.Pass : CheckStatus.Fail,
                new SequentialLookEvidence(evaluation, lift, unit), ReasonCodes.SequentialBoundary));
        }

        var threshold = new ShipThresholdEvidence(shipValue, unit, minimumShip);
        checks.Add(new AnalysisCheck(Step, "observed lift clears the ship threshold", clears ? CheckStatus.Pass : CheckStatus.Fail, threshold, ReasonCodes.ShipThreshold));
        return new PrimaryOutcome(checks, Reasons(brief, primary, look, threshold, clears), primary, look, clears);
    }

    /// <summary>The reason SHIP gives when no step objects.</summary>
    public static DecisionReason ShipReason(ExperimentBrief brief, MetricComparison primary) =>
        new(ReasonCodes.Ship, LaunchDecision.Ship, new ShipEvidence(brief.PrimaryMetric, primary.Lift.Absolute.Value, primary.Unit, brief.Analysis.MinimumShipLift));

    private static List<DecisionReason> Reasons(ExperimentBrief brief, MetricComparison primary, LookEvaluation? look, ShipThresholdEvidence threshold, bool clears)
    {
        var lift = primary.Lift.Absolute;
        var direction = new LiftEvidence(brief.PrimaryMetric, lift, primary.Unit);
        if (look is { } l && !(l.Action == LookAction.StopEfficacy && lift.Value > 0))
        {
            if (l.Action == LookAction.StopEfficacy && lift.Value < 0)
            {
                return [new(ReasonCodes.PrimaryBelowBoundary, LaunchDecision.RollBack, direction)];
            }

            var evidence = new SequentialLookEvidence(l, lift, primary.Unit);
            return l.IsFinal
                ? [new(ReasonCodes.FinalLookNotCrossed, LaunchDecision.Hold, evidence)]
                : [new(ReasonCodes.ContinueToNextLook, LaunchDecision.Hold, evidence)];
        }

        if (lift.CiHigh < 0)
        {
            return [new(ReasonCodes.PrimaryWorse, LaunchDecision.RollBack, direction)];
        }

        if (!(lift.CiLow > 0))
        {
            return [new(ReasonCodes.PrimaryInconclusive, LaunchDecision.Hold, direction)];
        }

        return clears ? [] : [new(ReasonCodes.BelowShipThreshold, LaunchDecision.Hold, threshold)];
    }
}
