using Verdict.Assignment.Bandits;
using Verdict.Statistics.Bandits;

namespace Verdict.Experiments.Analysis.Bandits;

/// <summary>
/// A running bandit (docs/bandits.md, "State file"): what it serves (salt, arms, cohort size, the weights of every
/// period so far) and how the next weights are computed. The SDK serves the last period through
/// <see cref="ToSchedule"/>; <see cref="BanditUpdater"/> appends a period.
/// </summary>
public sealed record BanditState
{
    /// <summary>The brief's key.</summary>
    public required string Experiment { get; init; }

    /// <summary>The brief's version.</summary>
    public required int Version { get; init; }

    /// <summary>The assignment salt (the brief's).</summary>
    public required string Salt { get; init; }

    /// <summary>Arm names in the brief's order.</summary>
    public required IReadOnlyList<string> Arms { get; init; }

    /// <summary>The reward: the brief's primary metric (binary → Beta–Bernoulli; count or sum → Gaussian).</summary>
    public required string RewardMetric { get; init; }

    /// <summary>The share of all units each period's cohort enrols.</summary>
    public required double EnrollmentPerPeriod { get; init; }

    /// <summary>Quadrature or Monte Carlo.</summary>
    public WeightMethod Method { get; init; } = WeightMethod.Quadrature;

    /// <summary>Monte Carlo draws.</summary>
    public int Draws { get; init; } = 10_000;

    /// <summary>Monte Carlo seed; period p uses seed + p.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Top-two Thompson sampling.</summary>
    public bool TopTwo { get; init; }

    /// <summary>The weight floor per arm.</summary>
    public double MinWeight { get; init; } = 0.05;

    /// <summary>Rewards per arm before the first update.</summary>
    public long MinSample { get; init; } = 100;

    /// <summary>Every period so far, the last being the one served now.</summary>
    public required IReadOnlyList<BanditPeriodRecord> Periods { get; init; }

    /// <summary>The serving schedule of these periods.</summary>
    public BanditSchedule ToSchedule() => new(Salt, Arms, EnrollmentPerPeriod, Periods.Select(p => p.Weights).ToList());

    /// <summary>The Thompson options these settings describe, for period <paramref name="period"/>.</summary>
    public ThompsonOptions ToThompsonOptions(int period) => new()
    {
        Method = Method,
        Draws = Draws,
        Seed = Seed + period,
        TopTwo = TopTwo,
        MinimumWeight = MinWeight,
        MinimumSamplePerArm = MinSample,
    };
}
