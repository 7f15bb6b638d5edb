using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.Bandits;

/// <summary>
/// Batched Thompson sampling: the weight of arm i for the next period is the probability that a Thompson draw picks
/// it, pᵢ = P(arm i is best) (Scott 2010; Russo et al. 2018, "A Tutorial on Thompson Sampling", §6.1 on batching).
/// Top-two Thompson sampling (Russo 2020, "Simple Bayesian algorithms for best-arm identification", Oper. Res.
/// 68(6)) plays the leader with probability β and otherwise the first different arm of a fresh draw, so
/// ψᵢ = β·pᵢ + (1 − β)·pᵢ·Σ_{j≠i} pⱼ/(1 − pⱼ). A floor m then gives wᵢ = m + (1 − k·m)·ψᵢ.
/// </summary>
public static class ThompsonAllocation
{
    /// <summary>
    /// Next period's weights from the arms' posteriors. While any arm has fewer than the minimum sample,
    /// <paramref name="current"/> (equal weights when null) stands and the result says why.
    /// </summary>
    public static BanditWeights Compute(IReadOnlyList<ArmPosterior> arms, ThompsonOptions options, IReadOnlyList<double>? current = null)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(arms.Count);
        var k = arms.Count;
        if (current is not null && current.Count != k)
        {
            throw new ArgumentException($"Expected {k} current weights, got {current.Count}.", nameof(current));
        }

        var best = options.Method == WeightMethod.Quadrature
            ? ProbabilityBest.Quadrature(arms)
            : ProbabilityBest.MonteCarlo(arms, options.Draws, options.Seed);
        var below = arms.Select((a, i) => (a, i)).Where(x => x.a.Count < options.MinimumSamplePerArm).ToList();
        if (below.Count > 0)
        {
            var previous = current?.ToArray() ?? Enumerable.Repeat(1.0 / k, k).ToArray();
            var which = string.Join(", ", below.Select(x => $"arm {x.i} has {x.a.Count}"));
            return new BanditWeights(previous, best, false,
                [new Diagnostic(DiagnosticCode.SmallSample, $"weights not updated: {which} of the {options.MinimumSamplePerArm} rewards required per arm")]);
        }

        var psi = options.TopTwo ? TopTwo(best, options.TopTwoLeaderProbability) : best;
        var floor = options.MinimumWeight;
        var weights = psi.Select(p => floor + ((1 - (k * floor)) * p)).ToArray();
        return new BanditWeights(weights, best, true, []);
    }

    /// <summary>Top-two allocation ψ from the probabilities of being best (see the type's summary).</summary>
    public static double[] TopTwo(IReadOnlyList<double> probabilityBest, double leaderProbability)
    {
        ArgumentNullException.ThrowIfNull(probabilityBest);
        Guard.Alpha(leaderProbability, nameof(leaderProbability));
        var k = probabilityBest.Count;
        var psi = new double[k];
        for (var j = 0; j < k; j++)
        {
            var pj = probabilityBest[j];
            psi[j] += leaderProbability * pj;
            var rest = 1 - pj;
            for (var i = 0; i < k; i++)
            {
                if (i == j)
                {
                    continue;
                }

                // When one arm is certainly best the challenger draw never differs; share its turn evenly instead.
                psi[i] += (1 - leaderProbability) * pj * (rest > 1e-12 ? probabilityBest[i] / rest : 1.0 / (k - 1));
            }
        }

        return psi;
    }
}
