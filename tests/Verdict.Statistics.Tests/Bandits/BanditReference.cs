using System.Text.Json;
using Verdict.Statistics.Bandits;
using Verdict.Statistics.Tests.Reference;
using Xunit;

namespace Verdict.Statistics.Tests.Bandits;

/// <summary>Reads tests/reference/bandits/bandits.json, written by generate.py from scipy and numpy.</summary>
internal static class BanditReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        var path = Path.Combine(ReferenceData.RepositoryRoot(), "tests", "reference", "bandits", "bandits.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    });

    public static JsonElement Section(string name) => Root.Value.GetProperty(name);

    public static TheoryData<string> Names(string section) =>
        new(Section(section).EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    public static JsonElement Case(string section, string name) =>
        Section(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static ArmPosterior[] Posteriors(JsonElement c)
    {
        var family = c.GetProperty("family").GetString() == "beta" ? PosteriorFamily.Beta : PosteriorFamily.Normal;
        return c.GetProperty("params").EnumerateArray()
            .Select(p => new ArmPosterior(family, p[0].GetDouble(), p[1].GetDouble(), 1000))
            .ToArray();
    }
}
