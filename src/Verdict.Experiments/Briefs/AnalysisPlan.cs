using Verdict.Experiments.Quantities;
using Verdict.Statistics.MultipleTesting;

namespace Verdict.Experiments.Briefs;

/// <summary>The pre-registered analysis: power inputs, error rates, design, the launch threshold and integrity checks.</summary>
public sealed record AnalysisPlan
{
    /// <summary>The control's expected primary metric value (a rate for proportions), for planning.</summary>
    public double? Baseline { get; init; }

    /// <summary>The primary metric's standard deviation per unit, for planning non-binary metrics.</summary>
    public double? BaselineStandardDeviation { get; init; }

    /// <summary>The minimum detectable effect the experiment is powered for, in the primary metric's unit.</summary>
    public required Quantity Mde { get; init; }

    /// <summary>Two-sided significance level. Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Target power. Default 0.8.</summary>
    public double Power { get; init; } = 0.8;

    /// <summary>The correction applied across secondary metrics. Default Holm.</summary>
    public PValueAdjustmentMethod SecondaryCorrection { get; init; } = PValueAdjustmentMethod.Holm;

    /// <summary>Fixed horizon, group sequential or always valid. Default fixed horizon.</summary>
    public AnalysisDesign Design { get; init; } = AnalysisDesign.FixedHorizon;

    /// <summary>Group sequential looks as information fractions, increasing, the last 1.</summary>
    public IReadOnlyList<double> Looks { get; init; } = [];

    /// <summary>The alpha-spending function (<c>obf</c>, <c>pocock</c>, <c>power:RHO</c>, <c>hsd:GAMMA</c>, <c>classic-obf</c>, <c>classic-pocock</c>).</summary>
    public string? Spending { get; init; }

    /// <summary>A planned sample size per arm that overrides the computed one, or null.</summary>
    public long? PlannedUnitsPerArm { get; init; }

    /// <summary>The launch threshold on the primary metric, kept apart from the MDE.</summary>
    public required Quantity MinimumShipLift { get; init; }

    /// <summary>Exposure time discarded before analysis (novelty, caches warming).</summary>
    public TimeSpan BurnIn { get; init; }

    /// <summary>The longest the experiment may run; with daily traffic it bounds the reachable MDE.</summary>
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>The sample ratio mismatch alarm: a chi-square p-value below this pauses analysis. Default 0.001.</summary>
    public double SrmPValue { get; init; } = 0.001;
}
