using MathNet.Numerics.Distributions;

namespace Verdict.Statistics.Bayesian;

/// <summary>
/// Gaussian posterior on a lift: a normal likelihood N(estimate, se²) combined with a normal prior N(μ₀, σ₀²)
/// (precision-weighted; a flat prior when σ₀ is null), as in GrowthBook's Bayesian engine. The chance to beat control
/// is Φ(μ/σ); the expected loss of choosing treatment is σφ(μ/σ) − μΦ(−μ/σ) (and of control, with μ negated).
/// </summary>
public static class GaussianLift
{
    /// <summary>Posterior of the lift from a frequentist <paramref name="estimate"/> and <paramref name="standardError"/>.</summary>
    public static BayesianResult Compare(double estimate, double standardError, double priorMean = 0, double? priorStandardDeviation = null, double alpha = 0.05)
    {
        Guard.Finite(estimate);
        Guard.Positive(standardError);
        Guard.Finite(priorMean);
        Guard.Alpha(alpha);
        var dataPrecision = 1 / (standardError * standardError);
        double mean, variance;
        if (priorStandardDeviation is { } sd)
        {
            Guard.Positive(sd);
            var priorPrecision = 1 / (sd * sd);
            variance = 1 / (dataPrecision + priorPrecision);
            mean = variance * ((estimate * dataPrecision) + (priorMean * priorPrecision));
        }
        else
        {
            variance = 1 / dataPrecision;
            mean = estimate;
        }

        var sigma = Math.Sqrt(variance);
        var z = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        return new BayesianResult(
            double.NaN,
            double.NaN,
            mean,
            sigma,
            mean - (z * sigma),
            mean + (z * sigma),
            Normal.CDF(0, 1, mean / sigma),
            ExpectedShortfall(mean, sigma),
            ExpectedShortfall(-mean, sigma));
    }

    /// <summary>E[max(−X, 0)] for X ~ N(μ, σ²).</summary>
    internal static double ExpectedShortfall(double mean, double sigma) =>
        (sigma * Normal.PDF(0, 1, mean / sigma)) - (mean * Normal.CDF(0, 1, -mean / sigma));
}
