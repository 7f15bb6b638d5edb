using Verdict.Statistics;

namespace Verdict.Experiments;

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

    /// <summary>
    /// The names of the options in which <paramref name="state"/> differs from this block (snake_case, as in the brief);
    /// empty when the state was started from it.
    /// </summary>
    public IReadOnlyList<string> Differences(BanditState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var differences = new List<string>();
        Add(differences, "enrollment_per_period", state.EnrollmentPerPeriod.Equals(EnrollmentPerPeriod));
        Add(differences, "method", state.Method == Method);
        Add(differences, "draws", state.Draws == Draws);
        Add(differences, "seed", state.Seed == Seed);
        Add(differences, "top_two", state.TopTwo == TopTwo);
        Add(differences, "min_weight", state.MinWeight.Equals(MinWeight));
        Add(differences, "min_sample", state.MinSample == MinSample);
        return differences;
    }

    /// <summary><paramref name="state"/> with this block's options.</summary>
    public BanditState Apply(BanditState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state with
        {
            EnrollmentPerPeriod = EnrollmentPerPeriod,
            Method = Method,
            Draws = Draws,
            Seed = Seed,
            TopTwo = TopTwo,
            MinWeight = MinWeight,
            MinSample = MinSample,
        };
    }

    private static void Add(List<string> differences, string name, bool same)
    {
        if (!same)
        {
            differences.Add(name);
        }
    }
}
