namespace Verdict.Arena.Configuration;

/// <summary>How the arena turns scores into evidence.</summary>
public sealed class StatisticsSpec
{
    /// <summary>Two-sided significance level. Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Test behind each axis's p-value: <c>wilcoxon</c> (default), <c>sign</c> or <c>t</c>.</summary>
    public string Test { get; init; } = "wilcoxon";

    /// <summary>Paired bootstrap resamples. Default 10 000.</summary>
    public int BootstrapResamples { get; init; } = 10_000;

    /// <summary>Seed of the paired bootstrap. Default 20261123.</summary>
    public int Seed { get; init; } = 20261123;

    /// <summary>Difference in rubric points the golden set should be able to detect. Default 0.5.</summary>
    public double MinimumDetectableDifference { get; init; } = 0.5;

    /// <summary>Power for the golden-set size. Default 0.8.</summary>
    public double Power { get; init; } = 0.8;
}
