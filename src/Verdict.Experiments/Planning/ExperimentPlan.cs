namespace Verdict.Experiments.Planning;

/// <summary>
/// What the brief asks of traffic: units per arm for the MDE at alpha and power, how many days that takes at the
/// daily traffic that reaches the experiment, and the sequential boundaries when the design has looks.
/// </summary>
public sealed record ExperimentPlan
{
    /// <summary>The primary metric.</summary>
    public required string PrimaryMetric { get; init; }

    /// <summary>The absolute MDE the sizes are computed for, in the primary metric's unit (null when not computable).</summary>
    public double? AbsoluteMde { get; init; }

    /// <summary>The formula used, in words.</summary>
    public string? Method { get; init; }

    /// <summary>Units per arm (empty when not computable; see <see cref="Notes"/>).</summary>
    public IReadOnlyList<ArmPlan> Arms { get; init; } = [];

    /// <summary>Units over all arms.</summary>
    public long? TotalUnits { get; init; }

    /// <summary>Eligible units a day before exposure, layer and holdout.</summary>
    public double? DailyUnits { get; init; }

    /// <summary>Units a day that enter the experiment: daily × exposure × layer share × (1 − holdout).</summary>
    public double? EnrolledPerDay { get; init; }

    /// <summary>Days to reach <see cref="TotalUnits"/>.</summary>
    public int? DurationDays { get; init; }

    /// <summary>The sequential boundaries, when the design has looks and a planner is wired.</summary>
    public SequentialDesign? Sequential { get; init; }

    /// <summary>Why something could not be computed, and other remarks.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
