using Verdict.Statistics;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// One metric's treatment-versus-control comparison: arm values and counts, the lift (CUPED-adjusted when a
/// covariate is defined, with the unadjusted lift beside it), and the adjusted p-value for secondary metrics.
/// </summary>
public sealed record MetricComparison
{
    public required string Metric { get; init; }

    public required MetricType Type { get; init; }

    public required MetricUnit Unit { get; init; }

    public required long ControlUnits { get; init; }

    public required long TreatmentUnits { get; init; }

    public required double ControlValue { get; init; }

    public required double TreatmentValue { get; init; }

    public required Lift Lift { get; init; }

    /// <summary>The unadjusted lift when <see cref="Lift"/> is CUPED-adjusted; otherwise null.</summary>
    public Lift? Unadjusted { get; init; }

    /// <summary>Share of the lift's variance CUPED removed, when adjusted.</summary>
    public double? VarianceReduction { get; init; }

    /// <summary>The multiple-testing adjusted p-value (secondary metrics only).</summary>
    public double? AdjustedPValue { get; init; }
}
