using System.Text.Json;
using Verdict.Statistics.Did;
using Verdict.Statistics.Tests.Reference;

namespace Verdict.Statistics.Tests.DifferenceInDifferences;

/// <summary>Reads tests/reference/did/did.json, written by generate.py from statsmodels OLS with cluster-robust covariance.</summary>
internal static class DidReference
{
    private static readonly Lazy<JsonElement> Root = new(() => ReferenceData.Load("did", "did.json"));

    public static IEnumerable<JsonElement> Cases => Root.Value.GetProperty("cases").EnumerateArray();

    public static JsonElement Case(string name) => Cases.Single(c => c.GetProperty("name").GetString() == name);

    public static List<PanelObservation> Panel(JsonElement c) =>
        c.GetProperty("rows").EnumerateArray().Select(r => new PanelObservation(
            r.GetProperty("unit").GetInt32(),
            r.GetProperty("period").GetInt32(),
            r.GetProperty("cluster").GetInt32(),
            r.GetProperty("treated").GetBoolean(),
            r.GetProperty("y").GetDouble())).ToList();
}
