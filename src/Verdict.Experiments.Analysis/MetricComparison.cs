using Verdict.Experiments.Metrics;
using Verdict.Statistics.Inference;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// One metric's treatment-versus-control comparison: arm values and counts, the lift (CUPED-adjusted when a
/// covariate is defined, with the unadjusted lift beside it), and the adjusted p-value for secondary metrics.
/// </summary>
public sealed record MetricComparison
{
    /// <summary>The metric's name.</summary>
    public required string Metric { get; init; }

    /// <summary>The metric's type.</summary>
    public required MetricType Type { get; init; }

    /// <summary>The unit its values are in.</summary>
    public required MetricUnit Unit { get; init; }

    /// <summary>Control units with a value.</summary>
    public required long ControlUnits { get; init; }

    /// <summary>Treatment units with a value.</summary>
    public required long TreatmentUnits { get; init; }

    /// <summary>Control's value (mean, rate, ratio or quantile).</summary>
    public required double ControlValue { get; init; }

    /// <summary>Treatment's value.</summary>
    public required double TreatmentValue { get; init; }

    /// <summary>Treatment − control, absolute and relative, with intervals.</summary>
    public required Lift Lift { get; init; }

    /// <summary>The unadjusted lift when <see cref="Lift"/> is CUPED-adjusted; otherwise null.</summary>
    public Lift? Unadjusted { get; init; }

    /// <summary>Share of the lift's variance CUPED removed, when adjusted.</summary>
    public double? VarianceReduction { get; init; }

    /// <summary>The multiple-testing adjusted p-value (secondary metrics only).</summary>
    public double? AdjustedPValue { get; init; }
}
