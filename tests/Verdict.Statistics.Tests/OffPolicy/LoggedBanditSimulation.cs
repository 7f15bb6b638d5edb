using Verdict.Statistics.OffPolicy;
using Verdict.Statistics.Simulation;

namespace Verdict.Statistics.Tests.OffPolicy;

/// <summary>
/// A logged bandit with four context types and three actions, whose candidate value is known exactly:
/// V = Σₜ P(t) Σₐ π(a|t) μ(t, a). Rewards are Bernoulli(μ(t, a)); context features are the one-hot type (so the
/// per-action linear reward model is saturated and correct).
/// </summary>
internal static class LoggedBanditSimulation
{
    private static readonly double[] TypeShare = [0.4, 0.3, 0.2, 0.1];
    private static readonly double[][] Logging = [[0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.3, 0.3, 0.4], [0.5, 0.25, 0.25]];
    private static readonly double[][] Candidate = [[0.2, 0.5, 0.3], [0.1, 0.2, 0.7], [0.5, 0.1, 0.4], [0.3, 0.3, 0.4]];
    private static readonly double[][] Mean = [[0.30, 0.45, 0.40], [0.50, 0.35, 0.60], [0.20, 0.25, 0.15], [0.70, 0.55, 0.65]];

    /// <summary>The candidate's true value.</summary>
    public static double TrueValue => Enumerable.Range(0, 4).Sum(t => TypeShare[t] * Enumerable.Range(0, 3).Sum(a => Candidate[t][a] * Mean[t][a]));

    public static List<LoggedDecision> Draw(Random random, int n)
    {
        var rows = new List<LoggedDecision>(n);
        for (var i = 0; i < n; i++)
        {
            var t = CategoricalDraw.Index(TypeShare, random.NextDouble());
            var a = CategoricalDraw.Index(Logging[t], random.NextDouble());
            var reward = random.NextDouble() < Mean[t][a] ? 1.0 : 0.0;
            var context = new double[3];
            if (t > 0)
            {
                context[t - 1] = 1;
            }

            rows.Add(new LoggedDecision(a, Logging[t][a], reward, context, Candidate[t]));
        }

        return rows;
    }
}
