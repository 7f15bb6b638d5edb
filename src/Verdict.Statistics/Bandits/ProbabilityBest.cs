using MathNet.Numerics.Integration;
using Verdict.Statistics.Paired;

namespace Verdict.Statistics.Bandits;

/// <summary>
/// The posterior probability that each arm has the highest mean, P(θᵢ = max θ) = ∫ fᵢ(x) ∏_{j≠i} Fⱼ(x) dx for
/// independent posteriors (Scott 2010, "A modern Bayesian look at the multi-armed bandit", eq. 3), which is also
/// the probability that one Thompson draw picks arm i. Two ways to compute it: composite Gauss–Legendre quadrature
/// over the arms' joint support, or a seeded Monte Carlo count of which arm's draw is largest.
/// </summary>
public static class ProbabilityBest
{
    /// <summary>Quadrature panels; with 16 points each the integrals agree with scipy's adaptive quad to 1e-9.</summary>
    internal const int Panels = 64;

    private const int PointsPerPanel = 16;

    /// <summary>Integrates numerically; deterministic, no seed.</summary>
    public static double[] Quadrature(IReadOnlyList<ArmPosterior> arms)
    {
        Validate(arms);
        var k = arms.Count;

        // Below the largest lower support end some arm's F is ~0; above the largest upper end every f is ~0.
        double low = double.NegativeInfinity, high = double.NegativeInfinity;
        foreach (var arm in arms)
        {
            var (l, h) = arm.Support();
            low = Math.Max(low, l);
            high = Math.Max(high, h);
        }

        var result = new double[k];
        var density = new double[k];
        var cdf = new double[k];
        var prefix = new double[k + 1];
        var width = (high - low) / Panels;
        // The rule's Abscissas and Weights properties copy their arrays on every read; read them once.
        var rule = new GaussLegendreRule(0, 1, PointsPerPanel);
        var abscissas = rule.Abscissas;
        var ruleWeights = rule.Weights;
        for (var panel = 0; panel < Panels; panel++)
        {
            var start = low + (panel * width);
            for (var point = 0; point < PointsPerPanel; point++)
            {
                var x = start + (abscissas[point] * width);
                var weight = ruleWeights[point] * width;
                for (var i = 0; i < k; i++)
                {
                    density[i] = arms[i].Density(x);
                    cdf[i] = arms[i].Cdf(x);
                }

                // ∏_{j≠i} Fⱼ by prefix and suffix products, so an F of exactly 0 does not poison a division.
                prefix[0] = 1;
                for (var i = 0; i < k; i++)
                {
                    prefix[i + 1] = prefix[i] * cdf[i];
                }

                var suffix = 1.0;
                for (var i = k - 1; i >= 0; i--)
                {
                    result[i] += weight * density[i] * prefix[i] * suffix;
                    suffix *= cdf[i];
                }
            }
        }

        return Normalize(result);
    }

    /// <summary>Counts which arm's posterior draw is largest over <paramref name="draws"/> seeded draws.</summary>
    public static double[] MonteCarlo(IReadOnlyList<ArmPosterior> arms, int draws, long seed)
    {
        Validate(arms);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        var random = new SeededRandom(seed);
        var wins = new long[arms.Count];
        for (var d = 0; d < draws; d++)
        {
            wins[Thompson(arms, random)]++;
        }

        return wins.Select(w => (double)w / draws).ToArray();
    }

    /// <summary>One Thompson step: the arm whose posterior draw is largest (the first on an exact tie).</summary>
    internal static int Thompson(IReadOnlyList<ArmPosterior> arms, SeededRandom random)
    {
        var best = 0;
        var bestDraw = double.NegativeInfinity;
        for (var i = 0; i < arms.Count; i++)
        {
            var draw = arms[i].Sample(random);
            if (draw > bestDraw)
            {
                best = i;
                bestDraw = draw;
            }
        }

        return best;
    }

    /// <summary>Removes the quadrature's rounding (the sum is 1 within ~1e-12) so the weights form a distribution.</summary>
    private static double[] Normalize(double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Max(values[i], 0);
        }

        var sum = values.Sum();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] /= sum;
        }

        return values;
    }

    private static void Validate(IReadOnlyList<ArmPosterior> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Count < 2)
        {
            throw new ArgumentException($"A bandit needs at least two arms, got {arms.Count}.", nameof(arms));
        }

        var family = arms[0].Family;
        foreach (var arm in arms)
        {
            if (arm.Family != family)
            {
                throw new ArgumentException("Every arm's posterior must come from the same family.", nameof(arms));
            }

            Guard.Positive(arm.B, nameof(arms));
            if (family == PosteriorFamily.Beta)
            {
                Guard.Positive(arm.A, nameof(arms));
            }
            else
            {
                Guard.Finite(arm.A, nameof(arms));
            }
        }
    }
}
