using MathNet.Numerics.Distributions;
using Verdict.Statistics.Comparisons;

namespace Verdict.Statistics.Quantiles;

/// <summary>
/// The 1-based ranks of the order statistics a quantile interval needs, so SQL can fetch exactly those values
/// (Deng, Knoblich and Lu, KDD 2018, §4: the rank of the q-quantile is asymptotically normal with mean nq and
/// variance nq(1 − q)).
/// </summary>
public readonly record struct QuantileRanks(long Count, double Quantile, long Point, long Low, long High)
{
    /// <summary>Ranks for the <paramref name="quantile"/> of <paramref name="count"/> units at two-sided <paramref name="alpha"/>.</summary>
    public static QuantileRanks For(long count, double quantile, double alpha = 0.05) =>
        Around(count, quantile, alpha, z => z * Math.Sqrt(count * quantile * (1 - quantile)));

    /// <summary>
    /// Ranks when the units are not independent (a cluster-randomized experiment). The rank interval is
    /// n·(q ± z·σ), where σ² is the variance of the empirical distribution function at the quantile — the share of
    /// units at or below it — estimated with the delta method over clusters (<see cref="RatioMetric.Of"/> of the
    /// clusters' counts below and totals) instead of q(1 − q)/n (Deng, Knoblich and Lu, KDD 2018, §4.2). With
    /// independent units σ² = q(1 − q)/n and the ranks equal <see cref="For"/>'s.
    /// </summary>
    public static QuantileRanks ForDependent(long count, double quantile, double distributionVariance, double alpha = 0.05)
    {
        if (!(distributionVariance >= 0) || double.IsInfinity(distributionVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(distributionVariance), distributionVariance, "must be a finite variance");
        }

        return Around(count, quantile, alpha, z => z * count * Math.Sqrt(distributionVariance));
    }

    /// <summary>The point rank ⌈nq⌉ and the interval nq ∓ spread(z), clamped to [1, n].</summary>
    private static QuantileRanks Around(long count, double quantile, double alpha, Func<double, double> spreadOf)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!(quantile > 0 && quantile < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "must lie strictly between 0 and 1");
        }

        Guard.Alpha(alpha);
        var center = count * quantile;
        var spread = spreadOf(Normal.InvCDF(0, 1, 1 - (alpha / 2)));
        var point = Math.Clamp((long)Math.Ceiling(center - 1e-9), 1, count);
        var low = Math.Clamp((long)Math.Floor(center - spread), 1, count);
        var high = Math.Clamp((long)Math.Ceiling(center + spread), 1, count);
        return new QuantileRanks(count, quantile, point, low, high);
    }
}
