using Verdict.Experiments.Analysis;
using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Json;
using Verdict.Reports.Text;
using Verdict.Statistics.Inference;

namespace Verdict.Reports;

/// <summary>
/// The stable JSON form of an analysis (docs/analysis-json.md). Field names are a contract; numbers that cannot be
/// computed are null; <c>as_of</c>, <c>primary</c> and <c>adjusted_p_value</c> are always present (null when absent).
/// Serialize with <see cref="VerdictJson"/>.
/// </summary>
public sealed record AnalysisDocument(
    string SchemaVersion,
    string Experiment,
    int Version,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? AsOf,
    string Decision,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<CheckDocument> Checks,
    PopulationDocument Population,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] MetricDocument? Primary,
    IReadOnlyList<GuardrailDocument> Guardrails,
    IReadOnlyList<MetricDocument> Secondary,
    IReadOnlyList<SegmentDocument> Segments,
    IReadOnlyList<DayDocument> Daily,
    IReadOnlyList<CumulativeDocument> Cumulative,
    IReadOnlyList<string> ReasonCodes)
{
    /// <summary>The current schema version.</summary>
    public const string CurrentSchema = "verdict.analysis/1";

    /// <summary>Builds the document for <paramref name="report"/>.</summary>
    public static AnalysisDocument From(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new AnalysisDocument(
            CurrentSchema,
            report.Experiment,
            report.Version,
            report.AsOf?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            DecisionText(report.Decision),
            Text.DecisionText.Reasons(report),
            report.Checks.Select(CheckDocument.From).ToList(),
            new PopulationDocument(
                report.Population.UnitsPerArm,
                report.Population.MultiArmUnits,
                report.Population.BurnInUnits,
                report.Population.ReceiptMismatches,
                N(report.SrmPValue),
                report.PlannedUnitsPerArm,
                report.Population.FirstExposure?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                report.Population.LastExposure?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            report.Primary is { } p ? MetricDocument.From(p) : null,
            report.Guardrails.Select(g => new GuardrailDocument(MetricDocument.From(g.Comparison), g.Harmful.ToString().ToLowerInvariant(), g.Rule == GuardrailRule.ObservedDelta ? "observed_delta" : "non_inferiority", g.Budget, g.BudgetAbsolute, g.Relative, N(g.Bound), g.Passed, EffectText.Guardrail(g))).ToList(),
            report.Secondary.Select(MetricDocument.From).ToList(),
            report.Segments.Select(s => new SegmentDocument(s.Segment, s.Value, s.Critical, s.ControlUnits, s.TreatmentUnits, LiftDocument.From(s.Lift), N(s.SrmPValue))).ToList(),
            report.Daily.Select(d => new DayDocument(d.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.ControlUnits, d.TreatmentUnits, LiftDocument.From(d.Lift))).ToList(),
            report.Cumulative.Select(c => new CumulativeDocument(c.Through.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.ControlUnits, c.TreatmentUnits, LiftDocument.From(c.Lift), c.InformationFraction)).ToList(),
            report.DecisionReasons.Select(r => r.Code).ToList());
    }

    /// <summary>SHIP, HOLD, ROLL BACK or INVALID.</summary>
    public static string DecisionText(LaunchDecision decision) => decision switch
    {
        LaunchDecision.Ship => "SHIP",
        LaunchDecision.Hold => "HOLD",
        LaunchDecision.RollBack => "ROLL BACK",
        _ => "INVALID",
    };

    internal static double? N(double v) => double.IsFinite(v) ? v : null;
}
