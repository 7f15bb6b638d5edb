using System.Text.Json.Serialization;
using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Experiments.Metrics;

namespace Verdict.Experiments.Analysis.Monitoring;

/// <summary>
/// The evidence of one registered sequential look run by the monitor (docs/monitor.md, "Sequential looks"): which
/// registered looks it covers, the information fraction reached, the primary estimate, the boundary the registered design
/// sets there, the action, and the analysis's verdict at that moment (its words, <c>reasons</c> and <c>summary</c>, are
/// Verdict.Reports').
/// </summary>
public sealed record LookRecord
{
    /// <summary>The treatment arm compared with control.</summary>
    public required string Arm { get; init; }

    /// <summary>When the look was taken (the events it read are those up to this time).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The registered looks (information fractions) this evaluation covers: normally one; several when a pass found more than one reached.</summary>
    public required IReadOnlyList<double> Registered { get; init; }

    /// <summary>How many registered looks have been reached after this one (1-based count; the schedule restarts from it).</summary>
    public required int Reached { get; init; }

    /// <summary>The realized information fraction: analysed units over the plan's maximum, for the smallest arm.</summary>
    public required double InformationFraction { get; init; }

    /// <summary>The look number the design evaluated (1-based), or null when there was no estimate.</summary>
    public int? Look { get; init; }

    /// <summary>The primary metric.</summary>
    public required string Metric { get; init; }

    /// <summary>Control units analysed.</summary>
    public long ControlUnits { get; init; }

    /// <summary>Treatment units analysed.</summary>
    public long TreatmentUnits { get; init; }

    /// <summary>The primary's absolute lift, NaN without an estimate.</summary>
    public double Lift { get; init; } = double.NaN;

    /// <summary>Its standard error.</summary>
    public double StandardError { get; init; } = double.NaN;

    /// <summary>The look's z-statistic (lift over standard error).</summary>
    public double Z { get; init; } = double.NaN;

    /// <summary>The efficacy boundary (±z for two-sided plans).</summary>
    public double EfficacyBoundary { get; init; } = double.NaN;

    /// <summary>The non-binding futility boundary, when the plan has one.</summary>
    public double? FutilityBoundary { get; init; }

    /// <summary>Type-I error spent up to and including this look.</summary>
    public double CumulativeAlpha { get; init; } = double.NaN;

    /// <summary>The repeated confidence interval's lower end (Jennison and Turnbull 2000, §9.1).</summary>
    public double RepeatedCiLow { get; init; } = double.NaN;

    /// <summary>The repeated confidence interval's upper end.</summary>
    public double RepeatedCiHigh { get; init; } = double.NaN;

    /// <summary>continue, stop_efficacy, stop_futility, or no_estimate.</summary>
    public required string Action { get; init; }

    /// <summary>True when this look is the plan's last (information fraction 1 reached).</summary>
    public bool IsFinal { get; init; }

    /// <summary>Why the boundaries were recomputed (a look between registered fractions), or null.</summary>
    public string? Note { get; init; }

    /// <summary>The analysis's verdict at this look, spelled as in the analysis JSON: SHIP, HOLD, ROLL BACK or INVALID.</summary>
    public required string Decision { get; init; }

    /// <summary>
    /// The verdict's reasons as data, with their codes (not written as such: Verdict.Reports writes their words as
    /// <c>reasons</c>, and the audit log's one sentence as <c>summary</c>, through <c>MonitorJson</c> and <c>LookText</c>).
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<DecisionReason> DecisionReasons { get; init; } = [];

    /// <summary>The primary metric's unit, for wording the lift (not written).</summary>
    [JsonIgnore]
    public MetricUnit Unit { get; init; }
}
