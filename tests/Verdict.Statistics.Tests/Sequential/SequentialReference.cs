using System.Text.Json;
using Verdict.Statistics.Tests.Reference;

namespace Verdict.Statistics.Tests.Sequential;

/// <summary>Reads the generated JSON files in tests/reference/sequential (see the README there).</summary>
internal static class SequentialReference
{
    /// <summary>The elements of array <paramref name="property"/> in <paramref name="file"/>.</summary>
    public static JsonElement[] Array(string file, string property)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceData.RepositoryRoot(), "tests", "reference", "sequential", file)));
        return doc.RootElement.GetProperty(property).EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    /// <summary>Elements keyed by their <paramref name="key"/> property.</summary>
    public static Dictionary<string, JsonElement> ByKey(string file, string property, string key) =>
        Array(file, property).ToDictionary(e => e.GetProperty(key).GetString()!);

    /// <summary>A number or an array of numbers as an array; rpact's Inf, written as null, becomes +∞.</summary>
    public static double[] Numbers(JsonElement e, string name) =>
        e.GetProperty(name) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? double.PositiveInfinity : x.GetDouble()).ToArray()
            : [e.GetProperty(name).GetDouble()];
}
