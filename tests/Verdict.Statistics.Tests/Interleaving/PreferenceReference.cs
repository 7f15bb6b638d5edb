using Verdict.Testing;

namespace Verdict.Statistics.Tests.Interleaving;

/// <summary>A preference case: the wins and ties and scipy's share, Wilson interval, binomial p-value and Δ_AB.</summary>
public sealed record PreferenceCase(long WinsA, long WinsB, long Ties, double ShareB, double CiLow, double CiHigh, double PValue, double DeltaAB);

/// <summary>One user of a clustered case: that user's wins for each ranker.</summary>
public sealed record UserWins(string User, long WinsA, long WinsB);

/// <summary>A clustered case: the users and statsmodels' cluster-robust share, standard error, interval and p-value.</summary>
public sealed record ClusteredCase(string Name, IReadOnlyList<UserWins> Users, double ShareB, double Se, double CiLow, double CiHigh, double PValue);

/// <summary>The parts of tests/reference/interleaving/interleaving.json (generate.py) the preference tests read, read once.</summary>
public sealed record PreferenceReference(IReadOnlyList<PreferenceCase> Preference, IReadOnlyList<ClusteredCase> Clustered)
{
    /// <summary>The file.</summary>
    public static PreferenceReference Value { get; } = ReferenceJson.Read<PreferenceReference>("interleaving", "interleaving.json");
}
