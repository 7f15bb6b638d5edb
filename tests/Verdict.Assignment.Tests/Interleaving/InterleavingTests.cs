using Verdict.Assignment.Interleaving;

namespace Verdict.Assignment.Tests.Interleaving;

/// <summary>
/// Pins interleaving to seed 001's printed team draft and to the vectors of tests/reference/interleaving/generate.py
/// (the algorithm of docs/interleaving.md written in Python, and the seed's own function where the two must agree).
/// </summary>
public sealed class InterleavingTests
{
    public static TheoryData<int> VectorIndices => new(Enumerable.Range(0, InterleavingReference.Value.Vectors.Count));

    [Fact]
    public void TeamDraft_SeedHeadphonesWithTeamBFirst_ReproducesSeedList()
    {
        var seed = InterleavingReference.Value.Seed001;
        var items = new InterleavedItem[seed.K];
        // Every coin bit set: team B picks first in every round.
        var written = TeamDraftInterleaving.Interleave([.. seed.A], [.. seed.B], ulong.MaxValue, items);
        Assert.Equal(5, written);
        Assert.Equal(seed.Mixed, items.Select(i => i.Item));
        Assert.Equal(seed.FromA, items.Where(i => i.Team == InterleavingTeam.A).Select(i => i.Item));
        Assert.Equal(seed.FromB, items.Where(i => i.Team == InterleavingTeam.B).Select(i => i.Item));
        // The seed's printed output, as a guard against a regenerated reference drifting.
        Assert.Equal(["bose", "sony", "apple", "sennheiser", "anker"], items.Select(i => i.Item));
    }

    [Theory]
    [MemberData(nameof(VectorIndices))]
    public void Interleave_PinnedVector_MatchesPythonReference(int index)
    {
        var v = InterleavingReference.Value.Vectors[index];
        var method = v.Method == "team_draft" ? InterleavingMethod.TeamDraft : InterleavingMethod.Balanced;
        var assigner = new InterleavingAssigner(v.Salt, method);
        var unit = v.Unit;
        var query = v.Query;
        Assert.Equal(ulong.Parse(v.Coins, System.Globalization.CultureInfo.InvariantCulture), assigner.Coins(unit, query));
        string[] a = [.. v.A];
        string[] b = [.. v.B];
        var shown = assigner.Interleave(unit, query, a, b, v.K);
        Assert.Equal(v.Items, shown.Select(s => s.Item));
        Assert.Equal(v.Teams, shown.Select(s => s.Team.ToString()));
        var clicks = v.Clicks.ToArray();
        var credit = method == InterleavingMethod.TeamDraft
            ? InterleavingCredit.TeamDraft(shown.ToArray(), clicks)
            : InterleavingCredit.Balanced(a, b, shown.ToArray(), clicks);
        Assert.Equal((v.CreditA, v.CreditB), credit);
    }

    [Fact]
    public void Interleave_SameUnitAndQuery_SameList()
    {
        var assigner = new InterleavingAssigner("search-ranker:v1");
        string[] a = ["a1", "a2", "a3", "s"], b = ["b1", "s", "b2", "b3"];
        var first = assigner.Interleave("user-1", "q-9", a, b, 6);
        Assert.Equal(first, assigner.Interleave("user-1", "q-9", a, b, 6));
        // Over many queries both teams pick first about equally often.
        var bFirst = Enumerable.Range(0, 2000).Count(q => assigner.Interleave("user-1", $"q-{q}", a, b, 2)[0].Team == InterleavingTeam.B);
        Assert.InRange(bFirst, 1000 - 150, 1000 + 150);
    }

    [Fact]
    public void TeamDraft_EveryPrefix_TeamsDifferByAtMostOne()
    {
        string[] a = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8"], b = ["x3", "x1", "x9", "x2", "x10", "x11", "x12", "x13"];
        for (ulong coins = 0; coins < 512; coins++)
        {
            var items = new InterleavedItem[10];
            var written = TeamDraftInterleaving.Interleave(a, b, coins << 55, items);
            Assert.Equal(10, written);
            Assert.Equal(10, items.Select(i => i.Item).Distinct().Count());
            for (var k = 1; k <= written; k++)
            {
                var teamA = items.Take(k).Count(i => i.Team == InterleavingTeam.A);
                Assert.InRange(teamA - (k - teamA), -1, 1);
            }
        }
    }

    [Fact]
    public void TeamDraft_ListTooLong_Throws()
    {
        var items = new InterleavedItem[TeamDraftInterleaving.MaxLength + 1];
        Assert.Throws<ArgumentOutOfRangeException>(() => TeamDraftInterleaving.Interleave(["a"], ["b"], 0, items));
    }

    [Fact]
    public void Credit_ClickOutsideList_Throws()
    {
        InterleavedItem[] shown = [new("a", InterleavingTeam.A)];
        Assert.Throws<ArgumentOutOfRangeException>(() => InterleavingCredit.TeamDraft(shown, [1]));
    }
}
