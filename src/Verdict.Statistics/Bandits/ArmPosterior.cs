using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using Verdict.Statistics.Bayesian;
using Verdict.Statistics.Paired;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Statistics.Bandits;

/// <summary>
/// One arm's posterior over its mean reward. For <see cref="PosteriorFamily.Beta"/>, <see cref="A"/> and
/// <see cref="B"/> are α and β; for <see cref="PosteriorFamily.Normal"/>, the mean and the standard deviation.
/// <see cref="Count"/> is the number of rewards observed, which the minimum-sample rule reads.
/// </summary>
public readonly record struct ArmPosterior(PosteriorFamily Family, double A, double B, long Count)
{
    /// <summary>
    /// Beta–Bernoulli conjugate update: Beta(α₀ + s, β₀ + n − s) (Gelman et al., Bayesian Data Analysis, 3rd ed., §2.4).
    /// </summary>
    public static ArmPosterior FromBinary(long successes, long count, BetaPrior prior)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, count);
        Guard.Positive(prior.Alpha);
        Guard.Positive(prior.Beta);
        return new ArmPosterior(PosteriorFamily.Beta, prior.Alpha + successes, prior.Beta + count - successes, count);
    }

    /// <summary>
    /// Normal–normal update of a mean with the sample variance plugged in for the known variance (Gelman et al.,
    /// BDA3 §2.5): precision 1/τ₀² + n/s², mean (μ₀/τ₀² + n·ȳ/s²)/precision. A null prior standard deviation is the
    /// flat prior, giving N(ȳ, s²/n). Needs two rewards for s²; zero variance is floored at 1e-12 of the mean's scale.
    /// </summary>
    public static ArmPosterior FromMoments(Moments rewards, double priorMean = 0, double? priorStandardDeviation = null)
    {
        Guard.Finite(priorMean);
        if (priorStandardDeviation is { } tau)
        {
            Guard.Positive(tau, nameof(priorStandardDeviation));
        }

        if (rewards.Count < 2)
        {
            return priorStandardDeviation is { } prior
                ? new ArmPosterior(PosteriorFamily.Normal, priorMean, prior, rewards.Count)
                : throw new ArgumentException("A flat prior needs at least two rewards for a variance.", nameof(rewards));
        }

        var variance = Math.Max(rewards.Variance, 1e-24 + (1e-12 * rewards.Mean * rewards.Mean));
        var dataPrecision = rewards.Count / variance;
        var priorPrecision = priorStandardDeviation is { } t ? 1 / (t * t) : 0;
        var precision = priorPrecision + dataPrecision;
        var mean = ((priorPrecision * priorMean) + (dataPrecision * rewards.Mean)) / precision;
        return new ArmPosterior(PosteriorFamily.Normal, mean, Math.Sqrt(1 / precision), rewards.Count);
    }

    /// <summary>The posterior mean.</summary>
    public double Mean => Family == PosteriorFamily.Beta ? A / (A + B) : A;

    /// <summary>The posterior standard deviation.</summary>
    public double StandardDeviation => Family == PosteriorFamily.Beta
        ? Math.Sqrt(A * B / ((A + B) * (A + B) * (A + B + 1)))
        : B;

    /// <summary>The posterior density at <paramref name="x"/>.</summary>
    public double Density(double x)
    {
        if (Family == PosteriorFamily.Normal)
        {
            return Normal.PDF(A, B, x);
        }

        return x <= 0 || x >= 1 ? 0 : Math.Exp(((A - 1) * Math.Log(x)) + ((B - 1) * Math.Log(1 - x)) - SpecialFunctions.BetaLn(A, B));
    }

    /// <summary>The posterior distribution function at <paramref name="x"/>.</summary>
    public double Cdf(double x)
    {
        if (Family == PosteriorFamily.Normal)
        {
            return Normal.CDF(A, B, x);
        }

        return x <= 0 ? 0 : x >= 1 ? 1 : SpecialFunctions.BetaRegularized(A, B, x);
    }

    /// <summary>The interval outside which the posterior's mass is negligible (below 1e-30) for the quadrature.</summary>
    internal (double Low, double High) Support()
    {
        if (Family == PosteriorFamily.Normal)
        {
            return (A - (12 * B), A + (12 * B));
        }

        var sd = StandardDeviation;
        return (Math.Max(0, Mean - (40 * sd)), Math.Min(1, Mean + (40 * sd)));
    }

    /// <summary>One draw from the posterior.</summary>
    internal double Sample(SeededRandom random) => Family == PosteriorFamily.Beta
        ? PosteriorSampler.Beta(random, A, B)
        : A + (B * PosteriorSampler.StandardNormal(random));
}
