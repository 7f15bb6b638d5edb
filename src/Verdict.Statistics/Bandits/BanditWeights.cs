using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.Bandits;

/// <summary>
/// The traffic weights for the next period, the posterior probability that each arm is best, and whether the
/// weights were updated (false while an arm is below the minimum sample: the previous weights stand).
/// </summary>
public sealed record BanditWeights(
    IReadOnlyList<double> Weights,
    IReadOnlyList<double> ProbabilityBest,
    bool Updated,
    IReadOnlyList<Diagnostic> Diagnostics);
