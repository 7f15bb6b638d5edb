using Verdict.Experiments;
using Verdict.Experiments.Analysis;
using Verdict.Statistics;

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
            report.Reasons,
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
            report.Guardrails.Select(g => new GuardrailDocument(MetricDocument.From(g.Comparison), g.Harmful.ToString().ToLowerInvariant(), g.Rule == GuardrailRule.ObservedDelta ? "observed_delta" : "non_inferiority", g.Budget, g.BudgetAbsolute, g.Relative, N(g.Bound), g.Passed, g.Reason)).ToList(),
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

/// <summary>One check; <c>code</c> names its rule (docs/analysis-json.md, "Codes").</summary>
public sealed record CheckDocument(string Step, string Name, string Status, string Detail, string Code)
{
    /// <summary>The document of one check.</summary>
    public static CheckDocument From(AnalysisCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new(check.Step, check.Name, check.Status.ToString().ToUpperInvariant(), check.Detail, check.Code);
    }
}

/// <summary>Who was analysed.</summary>
public sealed record PopulationDocument(
    IReadOnlyDictionary<string, long> UnitsPerArm,
    long MultiArmUnits,
    long BurnInUnits,
    IReadOnlyDictionary<string, long> ReceiptMismatches,
    double? SrmPValue,
    long? PlannedUnitsPerArm,
    string? FirstExposure,
    string? LastExposure);

/// <summary>An estimate with its interval and p-value.</summary>
public sealed record EstimateDocument(double? Estimate, double? Se, double? CiLow, double? CiHigh, double? PValue)
{
    public static EstimateDocument From(Estimate e) => new(AnalysisDocument.N(e.Value), AnalysisDocument.N(e.StandardError), AnalysisDocument.N(e.CiLow), AnalysisDocument.N(e.CiHigh), AnalysisDocument.N(e.PValue));
}

/// <summary>Absolute and relative lift with diagnostics.</summary>
public sealed record LiftDocument(EstimateDocument Absolute, EstimateDocument Relative, IReadOnlyList<string> Diagnostics)
{
    public static LiftDocument From(Lift lift) => new(EstimateDocument.From(lift.Absolute), EstimateDocument.From(lift.Relative), lift.Diagnostics.Select(d => d.ToString()).ToList());
}

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

/// <summary>A guardrail's judgement.</summary>
public sealed record GuardrailDocument(MetricDocument Metric, string Harmful, string Rule, string Budget, double BudgetValue, bool Relative, double? Bound, bool Passed, string Reason);

/// <summary>The primary metric inside a segment value.</summary>
public sealed record SegmentDocument(string Segment, string Value, bool Critical, long ControlUnits, long TreatmentUnits, LiftDocument Lift, double? SrmPValue);

/// <summary>The primary metric among units enrolled on one day.</summary>
public sealed record DayDocument(string Day, long ControlUnits, long TreatmentUnits, LiftDocument Lift);

/// <summary>The primary metric among units enrolled up to and including one day.</summary>
public sealed record CumulativeDocument(string Through, long ControlUnits, long TreatmentUnits, LiftDocument Lift, double? InformationFraction);
