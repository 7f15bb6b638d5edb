using System.Text.Json;
using Verdict.Assignment.Interleaving;
using Verdict.Testing;

namespace Verdict.Assignment.Tests.Interleaving;

/// <summary>
/// Pins interleaving to seed 001's printed team draft and to the vectors of tests/reference/interleaving/generate.py
/// (the algorithm of docs/interleaving.md written in Python, and the seed's own function where the two must agree).
/// </summary>
public sealed class InterleavingTests
{
    private static readonly Lazy<JsonElement> Reference = new(() => JsonDocument.Parse(File.ReadAllText(
        Path.Combine(RepositoryRoot.Path, "tests", "reference", "interleaving", "interleaving.json"))).RootElement.Clone());

    public static TheoryData<int> VectorIndices => new(Enumerable.Range(0, Reference.Value.GetProperty("vectors").GetArrayLength()));

    [Fact]
    public void TeamDraft_SeedHeadphonesWithTeamBFirst_ReproducesSeedList()
    {
        var seed = Reference.Value.GetProperty("seed001");
        var items = new InterleavedItem[seed.GetProperty("k").GetInt32()];
        // Every coin bit set: team B picks first in every round.
        var written = TeamDraftInterleaving.Interleave(Strings(seed, "a"), Strings(seed, "b"), ulong.MaxValue, items);
        Assert.Equal(5, written);
        Assert.Equal(Strings(seed, "mixed"), items.Select(i => i.Item));
        Assert.Equal(Strings(seed, "from_a"), items.Where(i => i.Team == InterleavingTeam.A).Select(i => i.Item));
        Assert.Equal(Strings(seed, "from_b"), items.Where(i => i.Team == InterleavingTeam.B).Select(i => i.Item));
        // The seed's printed output, as a guard against a regenerated reference drifting.
        Assert.Equal(["bose", "sony", "apple", "sennheiser", "anker"], items.Select(i => i.Item));
    }

    [Theory]
    [MemberData(nameof(VectorIndices))]
    public void Interleave_PinnedVector_MatchesPythonReference(int index)
    {
        var v = Reference.Value.GetProperty("vectors")[index];
        var method = v.GetProperty("method").GetString() == "team_draft" ? InterleavingMethod.TeamDraft : InterleavingMethod.Balanced;
        var assigner = new InterleavingAssigner(v.GetProperty("salt").GetString()!, method);
        var unit = v.GetProperty("unit").GetString()!;
        var query = v.GetProperty("query").GetString()!;
        Assert.Equal(ulong.Parse(v.GetProperty("coins").GetString()!, System.Globalization.CultureInfo.InvariantCulture), assigner.Coins(unit, query));
        var a = Strings(v, "a");
        var b = Strings(v, "b");
        var shown = assigner.Interleave(unit, query, a, b, v.GetProperty("k").GetInt32());
        Assert.Equal(Strings(v, "items"), shown.Select(s => s.Item));
        Assert.Equal(Strings(v, "teams"), shown.Select(s => s.Team.ToString()));
        var clicks = v.GetProperty("clicks").EnumerateArray().Select(c => c.GetInt32()).ToArray();
        var credit = method == InterleavingMethod.TeamDraft
            ? InterleavingCredit.TeamDraft(shown.ToArray(), clicks)
            : InterleavingCredit.Balanced(a, b, shown.ToArray(), clicks);
        Assert.Equal((v.GetProperty("credit_a").GetInt32(), v.GetProperty("credit_b").GetInt32()), credit);
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

    private static string[] Strings(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).ToArray();
}
