namespace Verdict.Experiments.Analysis.Monitoring;

/// <summary>
/// The evidence of one monitor window for one guardrail and treatment arm: the window, the arms' sizes and values, the
/// difference on the threshold's scale (absolute, or relative to control), the threshold as a signed margin, the
/// one-sided bound and p-value of the test "harm ≤ threshold", and the outcome (docs/monitor.md, "Audit evidence").
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

    /// <summary>One sentence for people.</summary>
    public required string Reason { get; init; }
}
