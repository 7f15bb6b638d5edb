namespace Verdict.Assignment.Interleaving;

/// <summary>
/// Balanced interleaving (Joachims 2002, "Optimizing search engines using clickthrough data", KDD; Chapelle et al.
/// 2012, §2.1): two pointers ka, kb into the rankings; the one that is behind (A on a tie when the coin says A first)
/// takes its next item, added unless already in the list. The label is the ranker whose pointer placed the item;
/// credit for clicks is not by label but by rank (<see cref="InterleavingCredit.Balanced"/>).
/// </summary>
public static class BalancedInterleaving
{
    /// <summary>Fills <paramref name="destination"/>; returns the number of items placed. Allocates nothing.</summary>
    public static int Interleave(ReadOnlySpan<string> a, ReadOnlySpan<string> b, bool aFirst, Span<InterleavedItem> destination)
    {
        if (destination.Length > TeamDraftInterleaving.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), destination.Length, $"an interleaved list holds at most {TeamDraftInterleaving.MaxLength} items");
        }

        Span<int> slots = stackalloc int[SeenItems.SlotsFor(destination.Length)];
        var seen = new SeenItems(slots, destination);
        int ka = 0, kb = 0, written = 0;
        while (written < destination.Length && (ka < a.Length || kb < b.Length))
        {
            var takeA = kb >= b.Length || (ka < a.Length && (ka < kb || (ka == kb && aFirst)));
            var item = takeA ? a[ka++] : b[kb++];
            if (!seen.Contains(item))
            {
                destination[written] = new InterleavedItem(item, takeA ? InterleavingTeam.A : InterleavingTeam.B);
                seen.Add(written++);
            }
        }

        return written;
    }
}
