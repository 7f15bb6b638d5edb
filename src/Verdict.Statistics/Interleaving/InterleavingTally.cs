namespace Verdict.Statistics.Interleaving;

/// <summary>Per-query outcomes counted over queries (for one user, or for the whole experiment). Tallies add.</summary>
public readonly record struct InterleavingTally(long WinsA, long WinsB, long Ties)
{
    /// <summary>Queries counted.</summary>
    public long Queries => WinsA + WinsB + Ties;

    /// <summary>Queries with a winner.</summary>
    public long Decisive => WinsA + WinsB;

    /// <summary>The outcome of one query from the clicks credited to each ranker.</summary>
    public static QueryOutcome Outcome(int creditA, int creditB)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(creditA);
        ArgumentOutOfRangeException.ThrowIfNegative(creditB);
        return creditA > creditB ? QueryOutcome.A : creditB > creditA ? QueryOutcome.B : QueryOutcome.Tie;
    }

    /// <summary>A tally of one query.</summary>
    public static InterleavingTally Of(QueryOutcome outcome) => outcome switch
    {
        QueryOutcome.A => new(1, 0, 0),
        QueryOutcome.B => new(0, 1, 0),
        _ => new(0, 0, 1),
    };

    /// <summary>Merges two tallies.</summary>
    public static InterleavingTally operator +(InterleavingTally x, InterleavingTally y) =>
        new(x.WinsA + y.WinsA, x.WinsB + y.WinsB, x.Ties + y.Ties);
}
