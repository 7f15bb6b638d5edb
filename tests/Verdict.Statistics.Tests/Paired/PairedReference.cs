using System.Text.Json;
using Verdict.Statistics.Tests.Reference;
using Xunit;

namespace Verdict.Statistics.Tests.Paired;

/// <summary>Reads tests/reference/paired/paired.json, written by generate.py from scipy and statsmodels.</summary>
internal static class PairedReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        var path = Path.Combine(ReferenceData.RepositoryRoot(), "tests", "reference", "paired", "paired.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    });

    public static IEnumerable<JsonElement> Cases(string section) => Root.Value.GetProperty(section).EnumerateArray();

    public static double[] Doubles(this JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static double Number(this JsonElement element, string name) => element.GetProperty(name).GetDouble();

    public static TheoryData<int> Indices(string section) => new(Enumerable.Range(0, Cases(section).Count()));

    public static JsonElement Case(string section, int index) => Cases(section).ElementAt(index);
}
