using Verdict.Experiments.LongTerm;

namespace Verdict.Reports;

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
        var c = comparison.Comparison;
        return new HoldoutMetricDocument(
            comparison.Role,
            comparison.Arm,
            c.Metric,
            c.Type.ToString().ToLowerInvariant(),
            c.Unit.ToString().ToLowerInvariant(),
            c.ControlUnits,
            c.TreatmentUnits,
            AnalysisDocument.N(c.ControlValue),
            AnalysisDocument.N(c.TreatmentValue),
            LiftDocument.From(c.Lift));
    }
}
