using Xunit;

namespace Verdict.Cli.Tests;

/// <summary><c>verdict monitor</c> over a DuckDB file filled by <c>verdict simulate</c> (docs/cli.md, "verdict monitor").</summary>
public sealed class MonitorCommandTests : IDisposable
{
    private readonly ScratchFolder scratch = new();
    private readonly string briefPath;

    public MonitorCommandTests()
    {
        var examples = Path.Combine(AppContext.BaseDirectory, "Examples");
        scratch.Write("metrics.yaml", File.ReadAllText(Path.Combine(examples, "metrics.yaml")));
        briefPath = scratch.Write("brief.yaml", File.ReadAllText(Path.Combine(examples, "brief.yaml")));
    }

    private string BriefPath => briefPath;

    private string StorePath => Path.Combine(Path.GetDirectoryName(briefPath)!, "verdict.duckdb");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Monitor_LatencyRegression_FiresThePauseAtTheStreakAndExitsOne()
    {
        Watch("{window: 1d, consecutive: 2, action: pause}");
        Assert.Equal(0, CliRunner.Run("simulate", "experiment", BriefPath, "--units", "8000", "--scenario", "latency", "--store", StorePath).ExitCode);

        var (code, output, error) = CliRunner.Run("monitor", BriefPath, "--store", StorePath, "--once", "--json", "--unlocked");
        Assert.True(code == ExitCodes.GateFailed, error);
        using var pass = System.Text.Json.JsonDocument.Parse(output);
        var windows = pass.RootElement.GetProperty("windows").EnumerateArray().ToList();
        Assert.Equal(["breach", "breach"], windows.Select(w => w.GetProperty("window").GetProperty("outcome").GetString()));
        Assert.Equal([1, 2], windows.Select(w => w.GetProperty("streak").GetInt32()));
        var decision = Assert.Single(pass.RootElement.GetProperty("decisions").EnumerateArray());
        Assert.Equal("pause", decision.GetProperty("action").GetString());
        Assert.Equal("p95_latency", decision.GetProperty("metric").GetString());
    }

    [Fact]
    public void Monitor_CleanTraffic_JudgesEveryDayAndExitsZero()
    {
        Watch("{window: 1d, consecutive: 2, action: pause}");
        Assert.Equal(0, CliRunner.Run("simulate", "experiment", BriefPath, "--units", "8000", "--store", StorePath).ExitCode);

        var (code, output, error) = CliRunner.Run("monitor", BriefPath, "--store", StorePath, "--from", "2026-05-04T00:00:00Z", "--as-of", "2026-05-18T00:00:00Z", "--unlocked");
        Assert.True(code == 0, error);
        Assert.Contains("14 new window(s)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("BREACH", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Monitor_BriefWithoutMonitorBlocks_ExitsTwoSayingWhy()
    {
        var (code, _, error) = CliRunner.Run("monitor", BriefPath, "--store", StorePath, "--once", "--unlocked");
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("no guardrail has a monitor block", error, StringComparison.Ordinal);
    }

    private void Watch(string block)
    {
        var text = File.ReadAllText(BriefPath);
        const string Rule = "budget: 150ms\n    rule: observed_delta";
        Assert.Contains(Rule, text, StringComparison.Ordinal);
        File.WriteAllText(BriefPath, text.Replace(Rule, Rule + "\n    monitor: " + block, StringComparison.Ordinal));
    }
}
