using System.Text.Json;
using Verdict.AI.Feedback;

namespace Verdict.AI.Tests.Proxies;

/// <summary>Levenshtein distance over code points against tests/reference/proxies (a textbook full-matrix implementation in Python).</summary>
public sealed class EditDistanceTests
{
    private static IEnumerable<JsonElement> Cases()
    {
        var path = Path.Combine(Verdict.Testing.RepositoryRoot.Path, "tests", "reference", "proxies", "edit_distance.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToList();
    }

    [Fact]
    public void Levenshtein_ReferencePairs_EqualsThePythonReference()
    {
        var cases = Cases().ToList();
        Assert.True(cases.Count > 300);
        foreach (var c in cases)
        {
            var answer = c.GetProperty("answer").GetString()!;
            var final = c.GetProperty("final").GetString()!;
            Assert.Equal(c.GetProperty("distance").GetInt32(), EditDistance.Levenshtein(answer, final));
            Assert.Equal(c.GetProperty("distance").GetInt32(), EditDistance.Levenshtein(final, answer));
            Assert.Equal(c.GetProperty("answer_length").GetInt32(), EditDistance.Length(answer));
            Assert.Equal(c.GetProperty("final_length").GetInt32(), EditDistance.Length(final));
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
