namespace Verdict.Experiments.Analysis.Bandits;

/// <summary>
/// One period of a bandit as recorded: its weights, when they were computed, from how many rewards per arm, the
/// probability each arm was best at that time (null for the first period), and whether they moved.
/// </summary>
public sealed record BanditPeriodRecord(
    int Index,
    IReadOnlyList<double> Weights,
    DateTimeOffset ComputedAt,
    IReadOnlyList<long> RewardsPerArm,
    IReadOnlyList<double>? ProbabilityBest,
    bool Updated);
