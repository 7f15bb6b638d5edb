namespace Verdict.Server.Bandits;

/// <summary>
/// The <c>after</c> of a <c>bandit_period</c> audit line: the period as served (index, weights, when, from how many
/// rewards, P(best), whether the weights moved) and the evidence of the update that computed it.
/// </summary>
public sealed record BanditPeriodLine(int Index, IReadOnlyList<double> Weights, DateTimeOffset ComputedAt, IReadOnlyList<long> RewardsPerArm, IReadOnlyList<double>? ProbabilityBest, bool Updated)
{
    /// <summary>Rewards were counted for units first exposed by then; null when the reward has no window.</summary>
    public DateTimeOffset? RewardCutoff { get; init; }

    /// <summary>Each arm's period-stratified mean reward (null when not estimable).</summary>
    public IReadOnlyList<double?> StratifiedMeans { get; init; } = [];

    /// <summary>The stratified lift of the last arm over the first.</summary>
    public double? StratifiedLift { get; init; }

    /// <summary>Its 95 % interval, lower end.</summary>
    public double? StratifiedLiftCiLow { get; init; }

    /// <summary>Its 95 % interval, upper end.</summary>
    public double? StratifiedLiftCiHigh { get; init; }

    /// <summary>The estimated regret so far, in rewards.</summary>
    public double? EstimatedRegret { get; init; }

    /// <summary>Diagnostics of the weights and the estimate ("code: message").</summary>
    public IReadOnlyList<string> Diagnostics { get; init; } = [];
}
