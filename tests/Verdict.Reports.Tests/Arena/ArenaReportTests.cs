using System.Text.Json;
using Verdict.Arena.Analysis;
using Verdict.Arena.Configuration;
using Verdict.Arena.Running;
using Verdict.Reports.Arena;

namespace Verdict.Reports.Tests.Arena;

/// <summary>
/// The arena's renderings of the offline example (examples/prompt-arena, replayed): results.json by the one JSON writer
/// (every number exactly as computed, null when not finite) and the Markdown and HTML reports.
/// </summary>
public sealed class ArenaReportTests
{
    private static async Task<ArenaResult> ExampleAsync()
    {
        var spec = ArenaSpecLoader.Load(Path.Combine(Verdict.Testing.RepositoryRoot.Path, "examples", "prompt-arena", "arena.yaml"));
        return ArenaAnalyzer.Analyze(await ArenaRunner.RunAsync(spec, new ArenaRunOptions { NoCache = true }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Render_Example_EveryComparisonNumberRoundTripsExactly()
    {
        var result = await ExampleAsync();

        var axes = JsonDocument.Parse(ArenaJsonReport.Render(result)).RootElement.GetProperty("comparisons")[0].GetProperty("axes");
        var computed = result.Comparisons[0].Axes;
        Assert.Equal(computed.Count, axes.GetArrayLength());
        var finite = 0;
        for (var i = 0; i < computed.Count; i++)
        {
            foreach (var (name, value) in new[] { ("p_value", computed[i].PValue), ("p_value_wilcoxon", computed[i].PValueWilcoxon), ("ci_low", computed[i].CiLow), ("mean_difference", computed[i].MeanDifference), ("cases_needed", computed[i].CasesNeeded) })
            {
                var written = axes[i].GetProperty(name);
                if (double.IsFinite(value))
                {
                    finite++;
                    Assert.Equal(value, written.GetDouble());
                }
                else
                {
                    Assert.Equal(JsonValueKind.Null, written.ValueKind);
                }
            }
        }

        Assert.True(finite > 0);
    }

    [Fact]
    public async Task Render_Example_ReceiptIsTheBriefsReceipt()
    {
        var result = await ExampleAsync();

        var receipt = JsonDocument.Parse(ArenaJsonReport.Render(result)).RootElement.GetProperty("variants")[1].GetProperty("receipt");

        Assert.Equal(result.Variants[1].Receipt.Model, receipt.GetProperty("model").GetString());
        Assert.StartsWith("support-b-v1@sha256:", receipt.GetProperty("prompt").GetString(), StringComparison.Ordinal);
        Assert.Equal("greedy", receipt.GetProperty("decoder").GetProperty("selection").GetString());
    }

    [Fact]
    public async Task Render_Example_MarkdownAndHtmlShowTheSameDuel()
    {
        var result = await ExampleAsync();

        var markdown = ArenaMarkdownReport.Render(result);
        var html = ArenaHtmlReport.Render(result);

        Assert.Contains("4 wins, 0 losses, 1 ties → win rate **90%**", markdown, StringComparison.Ordinal);
        Assert.Contains("4 wins, 0 losses, 1 ties → win rate <b>90%</b>", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("support-b-v1 (sha256:", html, StringComparison.Ordinal);
    }
}
