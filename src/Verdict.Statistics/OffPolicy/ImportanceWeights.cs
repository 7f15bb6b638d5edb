namespace Verdict.Statistics.OffPolicy;

/// <summary>The distribution of importance weights π(a|x)/π₀(a|x): how far the candidate strays from the logger.</summary>
/// <param name="Mean">Mean weight (1 in expectation when propensities are right and the logger covers the candidate).</param>
/// <param name="Max">Largest weight.</param>
/// <param name="Median">Median weight.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="EffectiveSampleSize">Kish's (Σw)²/Σw² of the weights used (after clipping).</param>
/// <param name="ZeroWeightShare">Share of decisions the candidate would never take (weight 0).</param>
/// <param name="ClippedCount">Decisions whose weight was clipped.</param>
/// <param name="Histogram">Counts of weights in the bins [0, 0.5), [0.5, 1), [1, 2), [2, 5), [5, 10), [10, 20), [20, ∞).</param>
public sealed record ImportanceWeights(
    double Mean,
    double Max,
    double Median,
    double P90,
    double P99,
    double EffectiveSampleSize,
    double ZeroWeightShare,
    int ClippedCount,
    IReadOnlyList<int> Histogram)
{
    /// <summary>Lower edges of the histogram bins.</summary>
    public static IReadOnlyList<double> BinEdges { get; } = [0, 0.5, 1, 2, 5, 10, 20];
}
