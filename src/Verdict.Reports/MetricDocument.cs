using Verdict.Experiments.Analysis;
using Verdict.Statistics.Inference;

namespace Verdict.Reports;

/// <summary>One metric's comparison.</summary>
public sealed record MetricDocument(
    string Metric,
    string Type,
    string Unit,
    long ControlUnits,
    long TreatmentUnits,
    double? ControlValue,
    double? TreatmentValue,
    LiftDocument Lift,
    LiftDocument? Unadjusted,
    double? VarianceReduction,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] double? AdjustedPValue)
{
    /// <summary>The document of a metric comparison.</summary>
    public static MetricDocument From(MetricComparison c) => new(
        c.Metric,
        c.Type.ToString().ToLowerInvariant(),
        c.Unit.ToString().ToLowerInvariant(),
        c.ControlUnits,
        c.TreatmentUnits,
        AnalysisDocument.N(c.ControlValue),
        AnalysisDocument.N(c.TreatmentValue),
        LiftDocument.From(c.Lift),
        c.Unadjusted is { } u ? LiftDocument.From(u) : null,
        c.VarianceReduction,
        c.AdjustedPValue);
}
