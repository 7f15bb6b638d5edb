using Verdict.Experiments.Bandits;

namespace Verdict.Experiments.Analysis.Bandits;

/// <summary>How a brief's <see cref="BanditDesign"/> relates to a bandit's state file: the options it sets, and where they differ.</summary>
public static class BanditDesignState
{
    /// <summary>
    /// The names of the options in which <paramref name="state"/> differs from <paramref name="design"/> (snake_case, as in the brief);
    /// empty when the state was started from it.
    /// </summary>
    public static IReadOnlyList<string> Differences(this BanditDesign design, BanditState state)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(state);
        var differences = new List<string>();
        Add(differences, "enrollment_per_period", state.EnrollmentPerPeriod.Equals(design.EnrollmentPerPeriod));
        Add(differences, "method", state.Method == design.Method);
        Add(differences, "draws", state.Draws == design.Draws);
        Add(differences, "seed", state.Seed == design.Seed);
        Add(differences, "top_two", state.TopTwo == design.TopTwo);
        Add(differences, "min_weight", state.MinWeight.Equals(design.MinWeight));
        Add(differences, "min_sample", state.MinSample == design.MinSample);
        return differences;
    }

    /// <summary><paramref name="state"/> with <paramref name="design"/>'s options.</summary>
    public static BanditState Apply(this BanditDesign design, BanditState state)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(state);
        return state with
        {
            EnrollmentPerPeriod = design.EnrollmentPerPeriod,
            Method = design.Method,
            Draws = design.Draws,
            Seed = design.Seed,
            TopTwo = design.TopTwo,
            MinWeight = design.MinWeight,
            MinSample = design.MinSample,
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
