namespace Verdict.Client.Wire;

/// <summary>One bandit period in the config: its weights, its cohort of buckets [start, end) and each arm's range [start, end) in it.</summary>
public sealed record BanditPeriodConfig
{
    /// <summary>The period's index, from 0.</summary>
    public required int Index { get; init; }

    /// <summary>The arms' weights in declaration order, as computed (they sum to 1).</summary>
    public required IReadOnlyList<double> Weights { get; init; }

    /// <summary>The cohort's buckets as [start, end).</summary>
    public required IReadOnlyList<int> Cohort { get; init; }

    /// <summary>Each arm's buckets as [start, end), in declaration order; an arm's propensity is its width over the cohort's.</summary>
    public required IReadOnlyList<IReadOnlyList<int>> Ranges { get; init; }
}
