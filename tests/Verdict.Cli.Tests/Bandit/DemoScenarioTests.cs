using Xunit;

namespace Verdict.Cli.Tests.Bandit;

/// <summary><c>verdict demo --scenario bandit|interleaving</c> from a fresh directory: files, numbers and pages.</summary>
public sealed class DemoScenarioTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-demo-bandit-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Demo_Bandit_ShiftsTrafficToTheBetterPromptAndWritesItsPage()
    {
        var result = CliRunner.Json("demo", "--scenario", "bandit", "--dir", folder, "--json");
        var update = result.GetProperty("update");
        Assert.Equal(8, update.GetProperty("period").GetInt32());
        var arms = update.GetProperty("arms");
        Assert.True(arms[1].GetProperty("probability_best").GetDouble() > 0.95);
        Assert.True(arms[1].GetProperty("rewards").GetInt64() > 3 * arms[0].GetProperty("rewards").GetInt64());
        // The stratified lift's interval covers the true lift of 0.07 (seeded, so this run is fixed).
        var lift = update.GetProperty("stratified_lift");
        Assert.InRange(0.07, lift.GetProperty("ci_low").GetDouble(), lift.GetProperty("ci_high").GetDouble());
        var html = File.ReadAllText(result.GetProperty("report").GetString()!);
        Assert.Contains("not a fixed-horizon launch test", html, StringComparison.Ordinal);
        Assert.Contains("id=\"bandit-weights\" class=\"chart\" data-series=\"control,treatment\"", html, StringComparison.Ordinal);
        Assert.Equal(1 + 9, html.Split("</table>")[0].Split("<tr>").Length - 1); // the header and one row per period
        Assert.Equal(9, Verdict.Experiments.Analysis.Bandits.BanditStateFile.Load(result.GetProperty("state").GetString()!).Periods.Count);
    }

    [Fact]
    public void Demo_Interleaving_FindsTheBetterRankerAndWritesItsPage()
    {
        var result = CliRunner.Json("demo", "--scenario", "interleaving", "--dir", folder, "--json");
        Assert.Equal(2000, result.GetProperty("users").GetInt64());
        Assert.Equal(result.GetProperty("queries").GetInt64(), result.GetProperty("wins_a").GetInt64() + result.GetProperty("wins_b").GetInt64() + result.GetProperty("ties").GetInt64());
        Assert.True(result.GetProperty("ci_low").GetDouble() > 0.5);
        Assert.True(result.GetProperty("p_value").GetDouble() < 0.05);
        var html = File.ReadAllText(result.GetProperty("report").GetString()!);
        Assert.Contains("team-draft interleaving", html, StringComparison.Ordinal);
        Assert.Contains("clustered by user", html, StringComparison.Ordinal);
    }
}
