using System.Text;
using System.Text.Json;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;
using Verdict.Experiments.Json;
using Verdict.Experiments.Simulation;
using Verdict.Reports;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Ingestion;
using Verdict.Storage.Sql;

namespace Verdict.Server.Tests;

/// <summary>Simulated traffic sent over HTTP, then <c>GET …/results</c> equals the analysis of the same events loaded from a file.</summary>
public sealed class ResultsTests
{
    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Results_AfterSimulatedTraffic_EqualTheAnalysisOfTheSameEvents(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine);
        await server.CreateAndStartAsync();
        var brief = server.Registry.Brief("refund-query-rewrite", 1)!;
        var lines = Simulate(brief);

        foreach (var chunk in lines.Chunk(2500))
        {
            var response = await server.Sdk.PostAsync("/api/v1/events", new StringContent(string.Join("\n", chunk)), cancellationToken);
            Assert.Equal(200, (int)response.StatusCode);
        }

        var served = await ServerHarness.JsonAsync(await server.Reader.GetAsync("/api/v1/experiments/refund-query-rewrite/results", cancellationToken));

        using var reference = DuckDbEventStore.Open(":memory:");
        using (var loader = reference.BeginLoad())
        {
            JsonRows.Read(string.Join("\n", lines), "simulated.ndjson", loader);
            loader.Commit();
        }

        var report = LaunchAnalyzer.Analyze(brief, new SqlMetricSource(reference).Load(brief, null), null);
        var expected = JsonSerializer.SerializeToElement(AnalysisDocument.From(report), Verdict.Experiments.Json.VerdictJson.Options);
        Assert.Equal(expected.GetProperty("decision").GetString(), served.GetProperty("decision").GetString());

        // The server adds its monitor section (docs/analysis-json.md, "monitor"); everything else is the analysis's.
        var analysis = System.Text.Json.Nodes.JsonNode.Parse(served.GetRawText())!.AsObject();
        Assert.True(analysis.Remove("monitor"));
        AssertNumbersEqual(expected, JsonSerializer.SerializeToElement(analysis), "$");
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Results_UnknownExperimentOrBadParameters_AreClear4xx(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine);
        await server.CreateAndStartAsync();
        Assert.Equal(404, (int)(await server.Reader.GetAsync("/api/v1/experiments/nope/results", cancellationToken)).StatusCode);
        Assert.Equal(404, (int)(await server.Reader.GetAsync("/api/v1/experiments/refund-query-rewrite/results?version=9", cancellationToken)).StatusCode);
        Assert.Equal(400, (int)(await server.Reader.GetAsync("/api/v1/experiments/refund-query-rewrite/results?as_of=yesterday", cancellationToken)).StatusCode);
        Assert.Equal(400, (int)(await server.Reader.GetAsync("/api/v1/experiments/refund-query-rewrite/results?arm=nope", cancellationToken)).StatusCode);
    }

    private static List<string> Simulate(ExperimentBrief brief)
    {
        using var buffer = new MemoryStream();
        using (var writer = new NdjsonEventWriter(buffer, leaveOpen: true))
        {
            new SupportBotSimulator(brief, new SupportBotScenario { Units = 3000, Seed = 5 }).Run(writer, TestContext.Current.CancellationToken);
        }

        return [.. Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>Same shape and strings; numbers equal to 1e-9 relative (parallel float sums may differ in the last digits).</summary>
    private static void AssertNumbersEqual(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected.ValueKind} vs {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal(expected.EnumerateObject().Select(p => p.Name), actual.EnumerateObject().Select(p => p.Name));
                foreach (var property in expected.EnumerateObject())
                {
                    AssertNumbersEqual(property.Value, actual.GetProperty(property.Name), path + "." + property.Name);
                }

                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    AssertNumbersEqual(expected[i], actual[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.Number:
                var (e, a) = (expected.GetDouble(), actual.GetDouble());
                Assert.True(Math.Abs(e - a) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"{path}: {e} vs {a}");
                break;
            default:
                Assert.Equal(expected.ToString(), actual.ToString());
                break;
        }
    }
}
