using System.Globalization;
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
            checks.Add(new AnalysisCheck(Step, "several treatments", CheckStatus.Info, string.Create(CultureInfo.InvariantCulture,
                $"{brief.TreatmentCount} treatments share alpha {brief.Analysis.Alpha}: {treatment} is compared with {control} at {alpha:0.####} (Bonferroni); the others with {string.Join(", ", brief.Arms.Where(a => !a.IsControl && a.Name != treatment).Select(a => "--arm " + a.Name))}"),
                ReasonCodes.SeveralTreatments));
        }

        var absence = MetricEvidence.Absence(brief, data, brief.PrimaryMetric);
        var primary = absence is null ? MetricComparer.Compare(brief, data, brief.PrimaryMetric, control, treatment, alpha) : null;
        if (primary is null || !primary.Lift.IsAvailable)
        {
            var why = absence ?? GuardrailJudge.Reasons(primary);
            checks.Add(new AnalysisCheck(Step, brief.PrimaryMetric, CheckStatus.Fail, "no estimate: " + why, ReasonCodes.PrimaryNoEstimate));
            return new PrimaryOutcome(checks, [new(ReasonCodes.PrimaryNoEstimate, LaunchDecision.Invalid, $"the primary metric could not be estimated: {why}")], primary, null, false);
        }

        var minimumShip = brief.Analysis.MinimumShipLift;
        var lift = primary.Lift.Absolute;
        var shipValue = minimumShip.IsRelative ? primary.Lift.Relative.Value : lift.Value;
        var unit = primary.Unit;
        var cuped = primary.VarianceReduction is { } reduction && primary.Unadjusted is { Absolute: var raw }
            ? $"; CUPED-adjusted (variance −{reduction:P1}; unadjusted {MetricFormat.Delta(raw.Value, unit)} {MetricFormat.Interval(raw.CiLow, raw.CiHigh, unit)})"
            : string.Empty;
        var levels = $"{MetricFormat.Value(primary.ControlValue, unit)} → {MetricFormat.Value(primary.TreatmentValue, unit)}";
        var change = $"lift {MetricFormat.Delta(lift.Value, unit)} ({MetricFormat.Relative(primary.Lift.Relative.Value)})";
        var interval = $"{MetricFormat.Confidence(alpha)} interval {MetricFormat.Interval(lift.CiLow, lift.CiHigh, unit)}";
        checks.Add(new AnalysisCheck(Step, "interval above zero", lift.CiLow > 0 ? CheckStatus.Pass : CheckStatus.Fail,
            $"{brief.PrimaryMetric}: {levels}, {change}, {interval}, p {MetricFormat.PValue(lift.PValue)}{cuped}",
            ReasonCodes.PrimaryInterval));
        var clears = shipValue >= minimumShip.Value;
        LookEvaluation? look = null;
        if (fraction is { } t && lift.StandardError > 0)
        {
            var evaluation = SequentialLookCheck.Evaluate(brief, t, lift);
            look = evaluation;
            var crossed = evaluation.Action == LookAction.StopEfficacy && lift.Value > 0;
            checks.Add(new AnalysisCheck(Step, "sequential boundary", crossed ? CheckStatus.Pass : CheckStatus.Fail,
                $"look {evaluation.Look} at information {evaluation.InformationFraction:0.###}: z {lift.Value / lift.StandardError:0.00} against ±{evaluation.EfficacyBoundary:0.00} ({evaluation.Action}); "
                + $"repeated interval {MetricFormat.Interval(evaluation.RepeatedCiLow, evaluation.RepeatedCiHigh, unit)}{(evaluation.Note is { } note ? "; " + note : string.Empty)}",
                ReasonCodes.SequentialBoundary));
        }

        checks.Add(new AnalysisCheck(Step, "observed lift clears the ship threshold", clears ? CheckStatus.Pass : CheckStatus.Fail,
            $"observed {(minimumShip.IsRelative ? MetricFormat.Relative(shipValue) : MetricFormat.Delta(shipValue, unit))} against the registered minimum ship lift {minimumShip}",
            ReasonCodes.ShipThreshold));
        return new PrimaryOutcome(checks, Reasons(brief, primary, look, clears), primary, look, clears);
    }

    /// <summary>The reason SHIP gives when no step objects.</summary>
    public static DecisionReason ShipReason(ExperimentBrief brief, MetricComparison primary) =>
        new(ReasonCodes.Ship, LaunchDecision.Ship, $"{brief.PrimaryMetric} {MetricFormat.Delta(primary.Lift.Absolute.Value, primary.Unit)} with the interval above 0 and at least {brief.Analysis.MinimumShipLift}; integrity and every guardrail pass");

    private static List<DecisionReason> Reasons(ExperimentBrief brief, MetricComparison primary, LookEvaluation? look, bool clears)
    {
        var lift = primary.Lift.Absolute;
        var unit = primary.Unit;
        if (look is { } l && !(l.Action == LookAction.StopEfficacy && lift.Value > 0))
        {
            if (l.Action == LookAction.StopEfficacy && lift.Value < 0)
            {
                return [new(ReasonCodes.PrimaryBelowBoundary, LaunchDecision.RollBack, $"the primary metric crossed the lower sequential boundary ({MetricFormat.Delta(lift.Value, unit)})")];
            }

            return l.IsFinal
                ? [new(ReasonCodes.FinalLookNotCrossed, LaunchDecision.Hold, $"the final look did not cross the boundary ±{l.EfficacyBoundary:0.00}")]
                : [new(ReasonCodes.ContinueToNextLook, LaunchDecision.Hold, $"continue to the next registered look: z {lift.Value / lift.StandardError:0.00} is inside ±{l.EfficacyBoundary:0.00} at information {l.InformationFraction:0.###}")];
        }

        if (lift.CiHigh < 0)
        {
            return [new(ReasonCodes.PrimaryWorse, LaunchDecision.RollBack, $"the primary metric is significantly worse ({MetricFormat.Delta(lift.Value, unit)}, interval below 0)")];
        }

        if (!(lift.CiLow > 0))
        {
            return [new(ReasonCodes.PrimaryInconclusive, LaunchDecision.Hold, $"inconclusive: the primary interval {MetricFormat.Interval(lift.CiLow, lift.CiHigh, unit)} includes 0")];
        }

        return clears ? [] : [new(ReasonCodes.BelowShipThreshold, LaunchDecision.Hold, $"the lift is real but below the minimum ship lift {brief.Analysis.MinimumShipLift}")];
    }
}
