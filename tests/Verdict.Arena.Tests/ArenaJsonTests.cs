using System.Text.Json;
using Verdict.Arena.Reporting;
using Verdict.Arena.Tests.Server;
using Xunit;

namespace Verdict.Arena.Tests;

/// <summary>results.json and <c>--json</c> are written by the one JSON writer: every number exactly as computed, null when not finite.</summary>
public sealed class ArenaJsonTests
{
    [Fact]
    public async Task Render_SeedDuel_EveryComparisonNumberRoundTripsExactly()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl), SeedDuel.GoldenJsonl());
        var result = ArenaAnalyzer.Analyze(await ArenaRunner.RunAsync(spec, directory.Options(), TestContext.Current.CancellationToken));

        var axes = JsonDocument.Parse(ArenaJsonReport.Render(result)).RootElement.GetProperty("comparisons")[0].GetProperty("axes");
        var computed = result.Comparisons[0].Axes;
        Assert.Equal(computed.Count, axes.GetArrayLength());
        for (var i = 0; i < computed.Count; i++)
        {
            foreach (var (name, value) in new[] { ("p_value", computed[i].PValue), ("p_value_wilcoxon", computed[i].PValueWilcoxon), ("ci_low", computed[i].CiLow), ("mean_difference", computed[i].MeanDifference) })
            {
                var written = axes[i].GetProperty(name);
                if (double.IsFinite(value))
                {
                    Assert.Equal(value, written.GetDouble());
                }
                else
                {
                    Assert.Equal(JsonValueKind.Null, written.ValueKind);
                }
            }
        }
    }
}
