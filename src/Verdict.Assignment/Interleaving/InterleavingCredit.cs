namespace Verdict.Assignment.Interleaving;

/// <summary>How many clicks on one interleaved list each ranker earns.</summary>
public static class InterleavingCredit
{
    /// <summary>Team draft: each click credits the team that contributed the clicked item (Radlinski et al. 2008).</summary>
    public static (int A, int B) TeamDraft(ReadOnlySpan<InterleavedItem> shown, ReadOnlySpan<int> clickedPositions)
    {
        int creditA = 0, creditB = 0;
        foreach (var position in clickedPositions)
        {
            CheckPosition(position, shown.Length);
            if (shown[position].Team == InterleavingTeam.A)
            {
                creditA++;
            }
            else
            {
                creditB++;
            }
        }

        return (creditA, creditB);
    }

    /// <summary>
    /// Balanced: with l the deepest clicked position, k = the smallest rank j at which item l is aⱼ or bⱼ; each
    /// ranker earns the clicks on items in its own top k (Chapelle et al. 2012, §2.1; Joachims 2002).
    /// </summary>
    public static (int A, int B) Balanced(ReadOnlySpan<string> a, ReadOnlySpan<string> b, ReadOnlySpan<InterleavedItem> shown, ReadOnlySpan<int> clickedPositions)
    {
        if (clickedPositions.IsEmpty)
        {
            return (0, 0);
        }

        var deepest = -1;
        foreach (var position in clickedPositions)
        {
            CheckPosition(position, shown.Length);
            deepest = Math.Max(deepest, position);
        }

        var deepestItem = shown[deepest].Item;
        var k = Math.Min(RankOf(a, deepestItem), RankOf(b, deepestItem));
        int creditA = 0, creditB = 0;
        foreach (var position in clickedPositions)
        {
            var item = shown[position].Item;
            creditA += RankOf(a, item) <= k ? 1 : 0;
            creditB += RankOf(b, item) <= k ? 1 : 0;
        }

        return (creditA, creditB);
    }

    /// <summary>The 1-based rank of <paramref name="item"/>, or int.MaxValue when absent.</summary>
    private static int RankOf(ReadOnlySpan<string> ranking, string item)
    {
        for (var i = 0; i < ranking.Length; i++)
        {
            if (string.Equals(ranking[i], item, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return int.MaxValue;
    }

    private static void CheckPosition(int position, int length)
    {
        if (position < 0 || position >= length)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, $"a clicked position must lie in [0, {length})");
        }
    }
}
