using System.Globalization;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Briefs;

namespace Verdict.Reports.Text;

/// <summary>The words of the primary (step 2), guardrail (step 3) and secondary (step 4) checks, from their evidence.</summary>
internal static class EffectText
{
    public static string SeveralTreatments(SeveralTreatmentsEvidence e) => string.Create(CultureInfo.InvariantCulture,
        $"{e.Treatments} treatments share alpha {e.SharedAlpha}: {e.Treatment} is compared with {e.Control} at {e.Alpha:0.####} (Bonferroni); the others with {string.Join(", ", e.Others.Select(a => "--arm " + a))}");

    public static string PrimaryInterval(PrimaryIntervalEvidence e)
    {
        var primary = e.Primary;
        var unit = primary.Unit;
        var lift = primary.Lift.Absolute;
        var cuped = primary.VarianceReduction is { } reduction && primary.Unadjusted is { Absolute: var raw }
            ? $"; CUPED-adjusted (variance −{reduction:P1}; unadjusted {MetricFormat.Delta(raw.Value, unit)} {MetricFormat.Interval(raw.CiLow, raw.CiHigh, unit)})"
            : string.Empty;
        var levels = $"{MetricFormat.Value(primary.ControlValue, unit)} → {MetricFormat.Value(primary.TreatmentValue, unit)}";
        var change = $"lift {MetricFormat.Delta(lift.Value, unit)} ({MetricFormat.Relative(primary.Lift.Relative.Value)})";
        var interval = $"{MetricFormat.Confidence(e.Alpha)} interval {MetricFormat.Interval(lift.CiLow, lift.CiHigh, unit)}";
        return $"{primary.Metric}: {levels}, {change}, {interval}, p {MetricFormat.PValue(lift.PValue)}{cuped}";
    }

    public static string SequentialLook(SequentialLookEvidence e)
    {
        var look = e.Look;
        return $"look {look.Look} at information {look.InformationFraction:0.###}: z {e.Lift.Value / e.Lift.StandardError:0.00} against ±{look.EfficacyBoundary:0.00} ({look.Action}); "
            + $"repeated interval {MetricFormat.Interval(look.RepeatedCiLow, look.RepeatedCiHigh, e.Unit)}{(look.Note is { } note ? "; " + note : string.Empty)}";
    }

    public static string ShipThreshold(ShipThresholdEvidence e) =>
        $"observed {(e.MinimumShipLift.IsRelative ? MetricFormat.Relative(e.Observed) : MetricFormat.Delta(e.Observed, e.Unit))} against the registered minimum ship lift {e.MinimumShipLift}";

    /// <summary>A guardrail's judgement against its budget (its check's detail, and <c>reason</c> in the analysis JSON).</summary>
    public static string Guardrail(GuardrailOutcome outcome)
    {
        var comparison = outcome.Comparison;
        var increase = outcome.Harmful == HarmfulDirection.Increase;
        var how = outcome.Rule == GuardrailRule.ObservedDelta
            ? "observed change"
            : $"one-sided {MetricFormat.Confidence(outcome.Alpha)} {(increase ? "upper" : "lower")} bound";
        var bound = outcome.Relative ? MetricFormat.Relative(outcome.Bound) : MetricFormat.Delta(outcome.Bound, comparison.Unit);
        return $"{how} {bound} {(outcome.Passed ? "within" : "breaches")} the budget {(increase ? "+" : "−")}{outcome.Budget} (control {MetricFormat.Value(comparison.ControlValue, comparison.Unit)}, treatment {MetricFormat.Value(comparison.TreatmentValue, comparison.Unit)})";
    }

    public static string Secondary(SecondaryEvidence e)
    {
        var c = e.Comparison;
        var adjusted = c.AdjustedPValue ?? double.NaN;
        return $"{MetricFormat.Delta(c.Lift.Absolute.Value, c.Unit)} ({MetricFormat.Relative(c.Lift.Relative.Value)}), p {MetricFormat.PValue(c.Lift.Absolute.PValue)}, {MetricFormat.Name(e.Method)} adjusted p {MetricFormat.PValue(adjusted)}{(e.Significant ? ": significant" : string.Empty)}";
    }
}
