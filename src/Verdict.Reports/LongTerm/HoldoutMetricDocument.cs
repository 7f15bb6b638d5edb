using Verdict.Experiments.Analysis.LongTerm;

namespace Verdict.Reports.LongTerm;

/// <summary>One metric for one arm against the holdout; the lift is arm − holdout (absolute) and arm / holdout − 1 (relative).</summary>
public sealed record HoldoutMetricDocument(
    string Role,
    string Arm,
    string Metric,
    string Type,
    string Unit,
    long HoldoutUnits,
    long ArmUnits,
    double? HoldoutValue,
    double? ArmValue,
    LiftDocument Lift)
{
    /// <summary>The document of <paramref name="comparison"/>.</summary>
    public static HoldoutMetricDocument From(HoldoutComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        // The analysis's own metric shape, with its control side renamed to the holdout and its treatment side to the arm.
        var m = MetricDocument.From(comparison.Comparison);
        return new HoldoutMetricDocument(comparison.Role, comparison.Arm, m.Metric, m.Type, m.Unit, m.ControlUnits, m.TreatmentUnits, m.ControlValue, m.TreatmentValue, m.Lift);
    }
}
