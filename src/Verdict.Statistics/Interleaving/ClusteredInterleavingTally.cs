namespace Verdict.Statistics.Interleaving;

/// <summary>
/// Per-user interleaving outcomes reduced to sufficient statistics, as SQL returns them: the number of users, the
/// total tally, and with dᵤ = w_Aᵤ + w_Bᵤ the sums Σdᵤ², Σw_Bᵤdᵤ and Σw_Bᵤ². Tallies add.
/// </summary>
public readonly record struct ClusteredInterleavingTally(long Users, InterleavingTally Total, double SumDecisiveSquared, double SumWinsBDecisive, double SumWinsBSquared)
{
    /// <summary>The sums of per-user tallies.</summary>
    public static ClusteredInterleavingTally From(IEnumerable<InterleavingTally> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var sums = default(ClusteredInterleavingTally);
        foreach (var user in users)
        {
            sums += Of(user);
        }

        return sums;
    }

    /// <summary>One user's contribution.</summary>
    public static ClusteredInterleavingTally Of(InterleavingTally user) =>
        new(1, user, (double)user.Decisive * user.Decisive, (double)user.WinsB * user.Decisive, (double)user.WinsB * user.WinsB);

    /// <summary>Merges two tallies (sums of independent clusters).</summary>
    public static ClusteredInterleavingTally operator +(ClusteredInterleavingTally x, ClusteredInterleavingTally y) =>
        new(x.Users + y.Users, x.Total + y.Total, x.SumDecisiveSquared + y.SumDecisiveSquared, x.SumWinsBDecisive + y.SumWinsBDecisive, x.SumWinsBSquared + y.SumWinsBSquared);
}
