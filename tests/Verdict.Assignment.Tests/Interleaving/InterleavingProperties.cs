using FsCheck;
using FsCheck.Xunit;
using Verdict.Assignment.Interleaving;

namespace Verdict.Assignment.Tests.Interleaving;

/// <summary>Invariants of both merges over random overlapping rankings, lengths and coins.</summary>
public sealed class InterleavingProperties
{
    [Property(MaxTest = 300)]
    public void TeamDraft_AnyInput_ItemsUniqueFromTheirTeamAndAsManyAsAvailable(byte[] aCodes, byte[] bCodes, byte length, ulong coins)
    {
        var (a, b, k) = Rankings(aCodes, bCodes, length);
        var shown = new InterleavedItem[k];
        var written = TeamDraftInterleaving.Interleave(a, b, coins, shown);
        AssertCommon(a, b, k, shown.AsSpan(0, written).ToArray());
        foreach (var item in shown.AsSpan(0, written))
        {
            Assert.Contains(item.Item, item.Team == InterleavingTeam.A ? a : b);
        }

        // Each team's picks are in its own ranking's order.
        foreach (var (team, ranking) in new[] { (InterleavingTeam.A, a), (InterleavingTeam.B, b) })
        {
            var ranks = shown.Take(written).Where(s => s.Team == team).Select(s => Array.IndexOf(ranking, s.Item)).ToList();
            Assert.Equal(ranks.Order(), ranks);
        }
    }

    [Property(MaxTest = 300)]
    public void Balanced_AnyInput_ItemsUniqueAndAsManyAsAvailable(byte[] aCodes, byte[] bCodes, byte length, bool aFirst)
    {
        var (a, b, k) = Rankings(aCodes, bCodes, length);
        var shown = new InterleavedItem[k];
        var written = BalancedInterleaving.Interleave(a, b, aFirst, shown);
        AssertCommon(a, b, k, shown.AsSpan(0, written).ToArray());
    }

    [Property(MaxTest = 300)]
    public void TeamDraftCredit_AnyClicks_SumsToClickCount(byte[] aCodes, byte[] bCodes, ulong coins, byte[] clickCodes)
    {
        var (a, b, _) = Rankings(aCodes, bCodes, 20);
        var shown = new InterleavedItem[20];
        var written = TeamDraftInterleaving.Interleave(a, b, coins, shown);
        if (written == 0)
        {
            return;
        }

        var clicks = (clickCodes ?? []).Select(c => c % written).Distinct().ToArray();
        var (creditA, creditB) = InterleavingCredit.TeamDraft(shown.AsSpan(0, written), clicks);
        Assert.Equal(clicks.Length, creditA + creditB);
    }

    private static (string[] A, string[] B, int K) Rankings(byte[]? aCodes, byte[]? bCodes, byte length)
    {
        // Item ids from a small alphabet so the rankings overlap; duplicates within a ranking are dropped.
        var a = (aCodes ?? []).Take(40).Select(c => $"d{c % 30}").Distinct().ToArray();
        var b = (bCodes ?? []).Take(40).Select(c => $"d{c % 30}").Distinct().ToArray();
        return (a, b, length % 25);
    }

    private static void AssertCommon(string[] a, string[] b, int k, InterleavedItem[] shown)
    {
        Assert.Equal(shown.Length, shown.Select(s => s.Item).Distinct().Count());
        Assert.Equal(Math.Min(k, a.Union(b).Count()), shown.Length);
    }
}
