using System.Text.Json;
using Verdict.Statistics.OffPolicy;
using Verdict.Statistics.Tests.Reference;

namespace Verdict.Statistics.Tests.OffPolicy;

/// <summary>Reads tests/reference/ope/ope.json, written by generate.py (numpy, statsmodels) from a seeded logged-bandit dataset.</summary>
internal static class OffPolicyReference
{
    private static readonly Lazy<JsonElement> Root = new(() => ReferenceData.Load("ope", "ope.json"));

    public static JsonElement Document => Root.Value;

    public static IReadOnlyList<LoggedDecision> Decisions() =>
        Root.Value.GetProperty("decisions").EnumerateArray().Select(d => new LoggedDecision(
            d.GetProperty("action").GetInt32(),
            d.GetProperty("propensity").GetDouble(),
            d.GetProperty("reward").GetDouble(),
            d.GetProperty("context").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
            d.GetProperty("target").EnumerateArray().Select(v => v.GetDouble()).ToArray())).ToList();

    public static JsonElement Case(int index) => Root.Value.GetProperty("cases")[index];
}
