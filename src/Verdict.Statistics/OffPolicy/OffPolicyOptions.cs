namespace Verdict.Statistics.OffPolicy;

/// <summary>How <see cref="OffPolicyEvaluation"/> estimates; defaults are documented on each property and validated once.</summary>
public sealed class OffPolicyOptions
{
    /// <summary>Two-sided error rate of every interval (default 0.05).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Clip importance weights at this value (default none). Clipping trades variance for a downward bias that the result states.</summary>
    public double? MaxWeight { get; init; }

    /// <summary>Bootstrap resamples for the percentile intervals (default 1000; 0 skips the bootstrap).</summary>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>Seed of the bootstrap's generator (default 1).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Folds for cross-fitting the doubly robust reward model (default 5): decision i belongs to fold i mod k, and its
    /// q̂ is fitted on the other folds, so the model never predicts the rewards it was fitted on (Chernozhukov et al.
    /// 2018, "Double/debiased machine learning", Definition 3.1). 1 fits once on all decisions (in-sample).
    /// </summary>
    public int CrossFitFolds { get; init; } = 5;

    /// <summary>Warn when the effective sample size is below this fraction of the decisions (default 0.1).</summary>
    public double MinEffectiveSampleFraction { get; init; } = 0.1;

    /// <summary>Warn when one decision carries more than this share of the total weight (default 0.05).</summary>
    public double MaxWeightShare { get; init; } = 0.05;

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        Guard.Alpha(Alpha);
        if (MaxWeight is { } max)
        {
            Guard.Positive(max, nameof(MaxWeight));
        }

        if (BootstrapResamples != 0)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(BootstrapResamples, 100, nameof(BootstrapResamples));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(CrossFitFolds, 1, nameof(CrossFitFolds));
        Guard.Probability(MinEffectiveSampleFraction, nameof(MinEffectiveSampleFraction));
        Guard.Probability(MaxWeightShare, nameof(MaxWeightShare));
    }
}
