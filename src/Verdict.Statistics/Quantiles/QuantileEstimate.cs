using MathNet.Numerics.Distributions;

namespace Verdict.Statistics.Quantiles;

/// <summary>
/// One arm's quantile: the point order statistic, the order-statistic confidence interval, and the implied standard
/// error (upper − lower)/(2z) used to compare arms (Deng, Knoblich and Lu, KDD 2018, eq. 6).
/// </summary>
public sealed record QuantileEstimate(QuantileRanks Ranks, double Value, double CiLow, double CiHigh, double StandardError)
{
    /// <summary>Builds the estimate from the order statistics at <see cref="QuantileRanks.Point"/>, <see cref="QuantileRanks.Low"/> and <see cref="QuantileRanks.High"/>.</summary>
    public static QuantileEstimate FromOrderStatistics(QuantileRanks ranks, double point, double low, double high, double alpha = 0.05)
    {
        Guard.Finite(point);
        Guard.Finite(low);
        Guard.Finite(high);
        Guard.Alpha(alpha);
        if (low > point || point > high)
        {
            throw new ArgumentException($"order statistics must be ordered low ≤ point ≤ high, got {low}, {point}, {high}", nameof(point));
        }

        var z = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        return new QuantileEstimate(ranks, point, low, high, (high - low) / (2 * z));
    }

    /// <summary>Computes the estimate from raw values (sorted internally); for tests and small samples.</summary>
    public static QuantileEstimate FromValues(ReadOnlySpan<double> values, double quantile, double alpha = 0.05)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var ranks = QuantileRanks.For(sorted.Length, quantile, alpha);
        return FromOrderStatistics(ranks, sorted[ranks.Point - 1], sorted[ranks.Low - 1], sorted[ranks.High - 1], alpha);
    }
}
