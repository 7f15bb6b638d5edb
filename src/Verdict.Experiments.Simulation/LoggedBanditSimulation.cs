using Verdict.Statistics.Simulation;

namespace Verdict.Experiments.Simulation;

/// <summary>
/// Seeded logged decisions of an answer-style bandit (docs/ope.md, "Demo"): three answer styles, customers of three
/// tiers, new or returning; a logging policy and a candidate policy per context; resolution is Bernoulli with a
/// probability linear in the context per style, so the candidate's true value is known exactly:
/// V = Σ_context P(context) Σₐ π(a|context) μ(context, a).
/// </summary>
public static class LoggedBanditSimulation
{
    /// <summary>The actions (answer styles).</summary>
    public static IReadOnlyList<string> Actions { get; } = ["concise", "detailed", "cited"];

    private static readonly string[] Tiers = ["free", "pro", "enterprise"];
    private static readonly double[] TierShare = [0.6, 0.3, 0.1];
    private const double ReturningShare = 0.4;

    // μ(a | x) = base + pro·x_pro + enterprise·x_enterprise + returning·x_returning, per action.
    private static readonly double[][] Reward = [[0.50, 0.05, -0.15, 0.05], [0.42, 0.10, 0.05, 0.02], [0.38, 0.12, 0.30, 0.00]];

    /// <summary>The logging policy: mostly concise, whatever the customer.</summary>
    public static double[] Logging(int tier, bool returning) => tier switch
    {
        2 => [0.5, 0.3, 0.2],
        _ => returning ? [0.6, 0.25, 0.15] : [0.7, 0.2, 0.1],
    };

    /// <summary>The candidate: cited answers for enterprise customers, detailed for pro, concise otherwise.</summary>
    public static double[] Candidate(int tier, bool returning) => tier switch
    {
        2 => [0.05, 0.15, 0.8],
        1 => [0.2, 0.6, 0.2],
        _ => returning ? [0.7, 0.2, 0.1] : [0.8, 0.1, 0.1],
    };

    /// <summary>The exact value of <paramref name="policy"/>: the mean resolution rate it would achieve.</summary>
    public static double TrueValue(Func<int, bool, double[]> policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var value = 0.0;
        for (var tier = 0; tier < Tiers.Length; tier++)
        {
            foreach (var returning in new[] { false, true })
            {
                var share = TierShare[tier] * (returning ? ReturningShare : 1 - ReturningShare);
                var p = policy(tier, returning);
                for (var a = 0; a < Actions.Count; a++)
                {
                    value += share * p[a] * Mean(tier, returning, a);
                }
            }
        }

        return value;
    }

    /// <summary>Draws <paramref name="decisions"/> logged decisions.</summary>
    public static IEnumerable<SimulatedDecision> Run(int decisions, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(decisions);
        var random = new Random(seed);
        for (var i = 0; i < decisions; i++)
        {
            var tier = CategoricalDraw.Index(TierShare, random.NextDouble());
            var returning = random.NextDouble() < ReturningShare;
            var logging = Logging(tier, returning);
            var action = CategoricalDraw.Index(logging, random.NextDouble());
            var resolved = random.NextDouble() < Mean(tier, returning, action) ? 1 : 0;
            var candidate = Candidate(tier, returning);
            yield return new SimulatedDecision(
                $"d{i + 1:D6}",
                Actions[action],
                logging[action],
                resolved,
                Tiers[tier],
                returning,
                Actions.Select((a, k) => (a, k)).ToDictionary(x => x.a, x => candidate[x.k], StringComparer.Ordinal));
        }
    }

    private static double Mean(int tier, bool returning, int action)
    {
        var r = Reward[action];
        return r[0] + (tier == 1 ? r[1] : 0) + (tier == 2 ? r[2] : 0) + (returning ? r[3] : 0);
    }
}
