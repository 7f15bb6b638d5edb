namespace Verdict.Assignment.Interleaving;

/// <summary>
/// Team-draft interleaving (Radlinski, Kurup and Joachims 2008, "How does clickthrough data reflect retrieval
/// quality?", CIKM, Algorithm 2; Chapelle et al. 2012, TOIS 30(1), §2.2). Two captains pick in turn, each its best
/// remaining item not yet in the list: the team with fewer picks goes next, and when both have as many a coin decides
/// who picks first in that round. A team with no unseen item left yields its pick to the other. Seed 001's version
/// tosses one coin and alternates; with every coin on the same side the two agree (docs/interleaving.md).
/// </summary>
public static class TeamDraftInterleaving
{
    /// <summary>The most items a list can have: the 64 coin bits cover 64 rounds of two picks.</summary>
    public const int MaxLength = 128;

    /// <summary>
    /// Fills <paramref name="destination"/> (its length is the list length k) and returns how many items were placed
    /// (fewer than k when both lists run out). Bit 63 − r of <paramref name="coins"/> is round r's coin: 1 means team B
    /// picks first. Allocates nothing.
    /// </summary>
    public static int Interleave(ReadOnlySpan<string> a, ReadOnlySpan<string> b, ulong coins, Span<InterleavedItem> destination)
    {
        if (destination.Length > MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), destination.Length, $"an interleaved list holds at most {MaxLength} items");
        }

        Span<int> slots = stackalloc int[SeenItems.SlotsFor(destination.Length)];
        var seen = new SeenItems(slots, destination);
        int ia = 0, ib = 0, picksA = 0, picksB = 0, round = 0, written = 0;
        while (written < destination.Length)
        {
            InterleavingTeam first;
            if (picksA != picksB)
            {
                first = picksA < picksB ? InterleavingTeam.A : InterleavingTeam.B;
            }
            else
            {
                first = ((coins >> (63 - round)) & 1) == 1 ? InterleavingTeam.B : InterleavingTeam.A;
                round++;
            }

            var picked = first == InterleavingTeam.A
                ? TryPick(a, ref ia, InterleavingTeam.A, seen, destination, ref written) || TryPick(b, ref ib, InterleavingTeam.B, seen, destination, ref written)
                : TryPick(b, ref ib, InterleavingTeam.B, seen, destination, ref written) || TryPick(a, ref ia, InterleavingTeam.A, seen, destination, ref written);
            if (!picked)
            {
                break;
            }

            if (destination[written - 1].Team == InterleavingTeam.A)
            {
                picksA++;
            }
            else
            {
                picksB++;
            }
        }

        return written;
    }

    /// <summary>Places the team's next item not yet in the list; false when the team's list has none left.</summary>
    internal static bool TryPick(ReadOnlySpan<string> ranking, ref int next, InterleavingTeam team, SeenItems seen, Span<InterleavedItem> destination, ref int written)
    {
        while (next < ranking.Length && seen.Contains(ranking[next]))
        {
            next++;
        }

        if (next >= ranking.Length)
        {
            return false;
        }

        destination[written] = new InterleavedItem(ranking[next++], team);
        seen.Add(written++);
        return true;
    }
}
