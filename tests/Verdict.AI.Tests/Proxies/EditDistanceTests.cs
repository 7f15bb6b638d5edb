using Verdict.AI.Feedback;
using Verdict.Testing;

namespace Verdict.AI.Tests.Proxies;

/// <summary>Levenshtein distance over code points against tests/reference/proxies (a textbook full-matrix implementation in Python).</summary>
public sealed class EditDistanceTests
{
    private static readonly IReadOnlyList<EditDistanceCase> Reference = ReferenceJson.Cases<EditDistanceCase>("proxies", "edit_distance.json");

    private static IEnumerable<EditDistanceCase> Cases() => Reference;

    [Fact]
    public void Levenshtein_ReferencePairs_EqualsThePythonReference()
    {
        var cases = Cases().ToList();
        Assert.True(cases.Count > 300);
        foreach (var c in cases)
        {
            var answer = c.Answer;
            var final = c.Final;
            Assert.Equal(c.Distance, EditDistance.Levenshtein(answer, final));
            Assert.Equal(c.Distance, EditDistance.Levenshtein(final, answer));
            Assert.Equal(c.AnswerLength, EditDistance.Length(answer));
            Assert.Equal(c.FinalLength, EditDistance.Length(final));
        }
    }

    [Fact]
    public void Levenshtein_AstralCharacter_CountsAsOneSymbol()
    {
        // "😀" is two UTF-16 units; replacing it is one substitution, not two.
        Assert.Equal(1, EditDistance.Levenshtein("a😀b", "a🚀b"));
        Assert.Equal(3, EditDistance.Length("a😀b"));
    }

    [Fact]
    public void Levenshtein_NullText_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => EditDistance.Levenshtein(null!, "x"));
        Assert.Throws<ArgumentNullException>(() => EditDistance.Levenshtein("x", null!));
    }
}
