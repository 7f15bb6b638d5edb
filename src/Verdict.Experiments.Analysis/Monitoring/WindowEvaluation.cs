using System.Text.Json.Serialization;
using Verdict.Experiments.Metrics;

namespace Verdict.Experiments.Analysis.Monitoring;

/// <summary>
/// The evidence of one monitor window for one guardrail and treatment arm: the window, the arms' sizes and values, the
/// difference on the threshold's scale (absolute, or relative to control), the threshold as a signed margin, the
/// one-sided bound and p-value of the test "harm ≤ threshold", and the outcome (docs/monitor.md, "Audit evidence"); its
/// <c>reason</c> sentence is worded from these by Verdict.Reports (<c>MonitorText</c>, <c>MonitorJson</c>).
/// </summary>
public sealed record WindowEvaluation
{
    /// <summary>The guardrail metric.</summary>
    public required string Metric { get; init; }

    /// <summary>The treatment arm compared with control.</summary>
    public required string Arm { get; init; }

    /// <summary>The window's start (inclusive): units first exposed from here.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>The window's end (exclusive): units first exposed before here, events before here.</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>The conclusion.</summary>
    public required WindowOutcome Outcome { get; init; }

    /// <summary>Control units with a value in the window.</summary>
    public long ControlUnits { get; init; }

    /// <summary>Treatment units with a value in the window.</summary>
    public long TreatmentUnits { get; init; }

    /// <summary>Control's value of the metric in the window (NaN when absent).</summary>
    public double ControlValue { get; init; } = double.NaN;

    /// <summary>Treatment's value of the metric in the window (NaN when absent).</summary>
    public double TreatmentValue { get; init; } = double.NaN;

    /// <summary>Treatment − control, or (treatment − control) / |control| when <see cref="Relative"/>.</summary>
    public double Difference { get; init; } = double.NaN;

    /// <summary>The standard error of <see cref="Difference"/>.</summary>
    public double StandardError { get; init; } = double.NaN;

    /// <summary>True when the threshold is relative to control.</summary>
    public bool Relative { get; init; }

    /// <summary>The threshold as a signed margin on the difference: positive when an increase is harmful, negative when a decrease is.</summary>
    public double Threshold { get; init; }

    /// <summary>The one-sided (1 − alpha) bound of the difference on the side away from harm.</summary>
    public double Bound { get; init; } = double.NaN;

    /// <summary>The one-sided p-value of "harm ≤ threshold".</summary>
    public double PValue { get; init; } = double.NaN;

    /// <summary>The one-sided level of the test.</summary>
    public double Alpha { get; init; }

    /// <summary>The metric's unit, for wording the values (not written; Verdict.Reports' <c>MonitorText</c> words the window as <c>reason</c>).</summary>
    [JsonIgnore]
    public MetricUnit Unit { get; init; }

    /// <summary>True when an increase of the metric is harmful (not written).</summary>
    [JsonIgnore]
    public bool IncreaseHarmful { get; init; }

    /// <summary>The windows of control's stable period while it is not complete (null once complete or without one; not written).</summary>
    [JsonIgnore]
    public int? StablePeriods { get; init; }

    /// <summary>The registered minimum units per arm (not written).</summary>
    [JsonIgnore]
    public long MinSamplePerArm { get; init; }

    /// <summary>Why the comparison has no estimate, when it has cells but no estimate (null otherwise; not written).</summary>
    [JsonIgnore]
    public IReadOnlyList<string>? Diagnostics { get; init; }
}
