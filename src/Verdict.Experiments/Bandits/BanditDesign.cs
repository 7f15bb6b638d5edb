using Verdict.Statistics.Bandits;

namespace Verdict.Experiments.Bandits;

/// <summary>
/// The brief's <c>bandit</c> block (docs/brief.md, "Bandit"; docs/bandits.md): the experiment is a Thompson-sampling
/// bandit whose reward is the primary metric, whose weights are recomputed every <see cref="Period"/> from the store,
/// and whose periods each enrol their own cohort of buckets. The one place a bandit's options live: <c>verdict serve</c>
/// runs the schedule from it, and <c>verdict bandit init</c> starts a state file from it. Absent from a brief without
/// the block, so such briefs hash exactly as before.
/// </summary>
public sealed record BanditDesign
{
    /// <summary>How often the next period's weights are computed (the server's schedule).</summary>
    public required TimeSpan Period { get; init; }

    /// <summary>The share of all units each period's cohort enrols (default 0.05: 20 periods fit).</summary>
    public double EnrollmentPerPeriod { get; init; } = 0.05;

    /// <summary>Quadrature (default) or seeded Monte Carlo.</summary>
    public WeightMethod Method { get; init; } = WeightMethod.Quadrature;

    /// <summary>Monte Carlo draws (default 10 000).</summary>
    public int Draws { get; init; } = 10_000;

    /// <summary>Monte Carlo seed (default 1); period p uses seed + p.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Top-two Thompson sampling (default false).</summary>
    public bool TopTwo { get; init; }

    /// <summary>The weight floor per arm (default 0.05).</summary>
    public double MinWeight { get; init; } = 0.05;

    /// <summary>Rewards per arm before the first update (default 100).</summary>
    public long MinSample { get; init; } = 100;
}
