using Verdict.Statistics.Bandits;
using Verdict.Statistics.Inference;

namespace Verdict.Experiments.Analysis.Bandits;

/// <summary>
/// What one bandit update found: the new period's weights, each arm's rewards and posterior chance of being best,
/// the naive, period-stratified and inverse-propensity estimates, and the estimated regret so far (the caveat that a
/// bandit's result is not a fixed-horizon launch test is worded by Verdict.Reports' <c>BanditText</c>).
/// </summary>
public sealed record BanditReport(
    string Experiment,
    int Version,
    int NextPeriod,
    IReadOnlyList<string> Arms,
    IReadOnlyList<long> RewardsPerArm,
    BanditWeights Weights,
    BanditEstimate Estimate,
    double EstimatedRegret)
{
    /// <summary>Rewards were counted only for units first exposed at or before this time (their windows had closed); null when every unit counted.</summary>
    public DateTimeOffset? RewardCutoff { get; init; }

    /// <summary>Each arm's posterior the weights were computed from.</summary>
    public IReadOnlyList<ArmPosterior> Posteriors { get; init; } = [];

    /// <summary>
    /// The estimated regret accumulated up to the end of each period so far, Σ over periods ≤ p and arms of
    /// nₚₐ·(max_b μ̂_b − μ̂ₐ) with the stratified means; its last entry is <see cref="EstimatedRegret"/>.
    /// </summary>
    public IReadOnlyList<double> RegretByPeriod { get; init; } = [];
}
