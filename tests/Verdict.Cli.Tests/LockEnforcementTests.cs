using System.Text.Json;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary>
/// The lock is the plan: analyze and report refuse a brief that differs from its lock or has none (exit 2), and with
/// <c>--unlocked</c> the analysis runs but is INVALID with a failed "registered plan" check, so it can never ship.
/// </summary>
public sealed class LockEnforcementTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-lock-").FullName;

    public LockEnforcementTests()
    {
        Assert.Equal(0, CliRunner.Run("demo", "--dir", folder, "--scenario", "threshold", "--units", "20000", "--json").ExitCode);
    }

    private string Brief => Path.Combine(folder, "brief.yaml");

    private string Store => Path.Combine(folder, "verdict.duckdb");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void LowerTheShipThreshold()
    {
        var text = File.ReadAllText(Brief);
        Assert.Contains("minimum_ship_lift: 5.0pp", text, StringComparison.Ordinal);
        File.WriteAllText(Brief, text.Replace("minimum_ship_lift: 5.0pp", "minimum_ship_lift: 0.1pp", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_ThresholdLoweredAfterLock_ExitsTwoNamingTheField()
    {
        LowerTheShipThreshold();
        var (code, output, error) = CliRunner.Run("analyze", Brief, "--store", Store, "--fail-on-not-ship");
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Empty(output);
        Assert.Contains("analysis.minimum_ship_lift.value: 0.05 → 0.001", error, StringComparison.Ordinal);
        Assert.Contains("--unlocked", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_UnlockedChangedBrief_IsInvalidInEveryOutputAndFailsTheGate()
    {
        LowerTheShipThreshold();
        var json = CliRunner.Json("analyze", Brief, "--store", Store, "--unlocked", "--json");
        Assert.Equal("INVALID", json.GetProperty("decision").GetString());
        var first = json.GetProperty("checks")[0];
        Assert.Equal("registered plan", first.GetProperty("name").GetString());
        Assert.Equal("FAIL", first.GetProperty("status").GetString());

        var gate = CliRunner.Run("analyze", Brief, "--store", Store, "--unlocked", "--fail-on-not-ship");
        Assert.Equal(ExitCodes.GateFailed, gate.ExitCode);
        Assert.Contains("registered plan", gate.Out, StringComparison.Ordinal);
        Assert.Contains("registered plan", CliRunner.Run("analyze", Brief, "--store", Store, "--unlocked", "--markdown").Out, StringComparison.Ordinal);

        var html = Path.Combine(folder, "unlocked.html");
        var report = CliRunner.Run("report", Brief, "--store", Store, "--out", html, "--unlocked", "--fail-on-not-ship");
        Assert.Equal(ExitCodes.GateFailed, report.ExitCode);
        Assert.Contains("data-decision=\"INVALID\"", File.ReadAllText(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_NoLock_ExitsTwoSayingThePlanWasNeverRegistered()
    {
        File.Delete(Path.Combine(folder, "brief.lock.json"));
        var (code, _, error) = CliRunner.Run("analyze", Brief, "--store", Store);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("has no lock", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ChangedBrief_ExitsTwoAndWritesNothing()
    {
        LowerTheShipThreshold();
        var html = Path.Combine(folder, "changed.html");
        var (code, _, error) = CliRunner.Run("report", Brief, "--store", Store, "--out", html);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("minimum_ship_lift", error, StringComparison.Ordinal);
        Assert.False(File.Exists(html));
    }

    [Fact]
    public void Analyze_LockedBrief_RunsAsBefore()
    {
        var json = CliRunner.Json("analyze", Brief, "--store", Store, "--json");
        Assert.Equal("HOLD", json.GetProperty("decision").GetString());
        Assert.DoesNotContain(json.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "registered plan");
    }

    [Fact]
    public void Plan_HelpExample_WorksOnAFreshClone()
    {
        var examples = Path.Combine(AppContext.BaseDirectory, "Examples");
        var copy = Path.Combine(folder, "fresh");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(examples))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var before = File.ReadAllText(Path.Combine(copy, "brief.lock.json"));
        var (code, output, error) = CliRunner.Run("plan", Path.Combine(copy, "brief.yaml"), "--daily-traffic", "1500", "--json");
        Assert.True(code == 0, error);
        Assert.Equal("unchanged", JsonDocument.Parse(output).RootElement.GetProperty("lock_status").GetString());
        Assert.Equal(before, File.ReadAllText(Path.Combine(copy, "brief.lock.json")));
    }
}
