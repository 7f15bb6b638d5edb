using System.Text.Json;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary><c>verdict demo</c> end to end from a fresh temporary directory, one per test, as a newcomer runs it.</summary>
public sealed class DemoTests : IDisposable
{
    /// <summary>Enough units for every scenario's verdict with margin (40 000 is the default; 20 000 keeps the suite quick).</summary>
    private const string Units = "20000";

    private readonly string folder = Directory.CreateTempSubdirectory("verdict-demo-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("none", "SHIP")]
    [InlineData("latency", "ROLL BACK")]
    [InlineData("srm", "INVALID")]
    [InlineData("threshold", "HOLD")]
    public void Demo_Scenario_GivesItsVerdict(string scenario, string decision)
    {
        var result = RunDemo(scenario);

        Assert.Equal(decision, result.GetProperty("analysis").GetProperty("decision").GetString());
        Assert.Equal(scenario, result.GetProperty("scenario").GetString());
        var html = File.ReadAllText(result.GetProperty("report").GetString()!);
        Assert.Contains($"data-decision=\"{decision}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Latency_FailsTheP95Guardrail()
    {
        var checks = Checks(RunDemo("latency"));
        Assert.Contains(checks, c => c.Step == "guardrails" && c.Name == "p95_latency" && c.Status == "FAIL");
    }

    [Fact]
    public void Demo_Simpson_WarnsOfSimpsonsParadoxAndHolds()
    {
        // The biased logging drops 37.5% of exposures: the demo's default 40 000 units still reach the plan.
        var result = CliRunner.Json("demo", "--dir", folder, "--scenario", "simpson", "--units", "40000", "--json");
        Assert.Equal("HOLD", result.GetProperty("analysis").GetProperty("decision").GetString());
        var checks = Checks(result);
        Assert.Contains(checks, c => c.Name == "Simpson's paradox (device)" && c.Status == "WARN");
        Assert.Contains(checks, c => c.Name == "sample ratio by device" && c.Status == "WARN");
    }

    [Fact]
    public void Demo_SimpsonWithTooFewUnitsForThePlan_StillWarnsWhileInvalid()
    {
        // Biased logging drops 37.5% of exposures: 12 000 units leave each arm short of its planned 9 246.
        var result = CliRunner.Json("demo", "--dir", folder, "--scenario", "simpson", "--units", "12000", "--json");
        Assert.Equal("INVALID", result.GetProperty("analysis").GetProperty("decision").GetString());
        Assert.Contains(Checks(result), c => c.Name == "Simpson's paradox (device)" && c.Status == "WARN");
    }

    [Fact]
    public void Demo_Novelty_WarnsOfANoveltyEffect()
    {
        var checks = Checks(RunDemo("novelty"));
        Assert.Contains(checks, c => c.Step == "novelty" && c.Status == "WARN" && c.Detail.Contains("novelty effect", StringComparison.Ordinal));
    }

    [Fact]
    public void Demo_Threshold_HoldsBecauseTheLiftIsBelowFivePoints()
    {
        var result = RunDemo("threshold");
        Assert.Contains("minimum_ship_lift: 5.0pp", File.ReadAllText(Path.Combine(folder, "brief.yaml")), StringComparison.Ordinal);
        Assert.Contains(Checks(result), c => c.Name == "observed lift clears the ship threshold" && c.Status == "FAIL");
    }

    [Fact]
    public void Demo_Default_WritesBriefLockStoreAndReportAndPrintsTheTable()
    {
        var (code, output, error) = CliRunner.Run("demo", "--dir", folder, "--units", Units);

        Assert.True(code == 0, error);
        foreach (var file in new[] { "brief.yaml", "metrics.yaml", "brief.lock.json", "verdict.duckdb", "report.html" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} missing");
        }

        Assert.Contains("│ integrity  │ sample ratio", output, StringComparison.Ordinal);
        Assert.Contains("decision: SHIP", output, StringComparison.Ordinal);
        Assert.Contains($"report: {Path.Combine(folder, "report.html")}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_TwiceInTheSameDirectory_RecreatesTheStore()
    {
        var first = RunDemo("threshold");
        var second = RunDemo("none");

        Assert.Equal("HOLD", first.GetProperty("analysis").GetProperty("decision").GetString());
        Assert.Equal("SHIP", second.GetProperty("analysis").GetProperty("decision").GetString());
        Assert.Equal(
            first.GetProperty("analysis").GetProperty("population").GetProperty("units_per_arm").GetRawText(),
            second.GetProperty("analysis").GetProperty("population").GetProperty("units_per_arm").GetRawText());
    }

    [Fact]
    public void Demo_UnknownScenario_IsAnInputError()
    {
        var (code, _, error) = CliRunner.Run("demo", "--dir", folder, "--scenario", "gremlins");
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("unknown scenario \"gremlins\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_AfterTheDemo_WritesHtmlAndPngsAndGatesOnTheVerdict()
    {
        RunDemo("latency");
        var brief = Path.Combine(folder, "brief.yaml");
        var store = Path.Combine(folder, "verdict.duckdb");
        var html = Path.Combine(folder, "again.html");
        var pngs = Path.Combine(folder, "charts");

        var (code, output, error) = CliRunner.Run("report", brief, "--store", store, "--out", html, "--png", pngs);
        Assert.True(code == 0, error);
        Assert.StartsWith($"ROLL BACK: report written to {html}", output, StringComparison.Ordinal);
        Assert.Contains("forest-plot-ms.png", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(pngs, "cumulative-effect.png")));

        var gate = CliRunner.Run("report", brief, "--store", store, "--out", html, "--fail-on-not-ship");
        Assert.Equal(ExitCodes.GateFailed, gate.ExitCode);
        Assert.True(File.Exists(html));
    }

    [Fact]
    public void Report_MissingStoreDirectory_ExitsStoreUnavailable()
    {
        RunDemo("none");
        var (code, _, _) = CliRunner.Run("report", Path.Combine(folder, "brief.yaml"), "--store", Path.Combine(folder, "nowhere", "x.duckdb"));
        Assert.Equal(ExitCodes.StoreUnavailable, code);
    }

    private JsonElement RunDemo(string scenario) =>
        CliRunner.Json("demo", "--dir", folder, "--scenario", scenario, "--units", Units, "--json");

    private static List<(string Step, string Name, string Status, string Detail)> Checks(JsonElement result) =>
        result.GetProperty("analysis").GetProperty("checks").EnumerateArray()
            .Select(c => (c.GetProperty("step").GetString()!, c.GetProperty("name").GetString()!, c.GetProperty("status").GetString()!, c.GetProperty("detail").GetString()!))
            .ToList();
}
