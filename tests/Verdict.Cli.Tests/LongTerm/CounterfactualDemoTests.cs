using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace Verdict.Cli.Tests.LongTerm;

/// <summary>
/// <c>verdict demo --scenario ope|did|holdout</c> and <c>verdict analyze --holdout</c>: simulated data with a known
/// truth, the product's own command on it, and the truth inside the interval.
/// </summary>
public sealed class CounterfactualDemoTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-demo-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static double Number(string text, string pattern) =>
        double.Parse(Regex.Match(text, pattern).Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Demo_Ope_DoublyRobustIntervalCoversTheCandidatesTrueValue()
    {
        var result = CliRunner.Json("demo", "--scenario", "ope", "--dir", folder, "--json");

        var candidate = Number(result.GetProperty("truth").GetString()!, @"candidate ([0-9.]+)");
        var dr = result.GetProperty("result").GetProperty("estimates").EnumerateArray().Single(e => e.GetProperty("estimator").GetString() == "dr");
        Assert.InRange(candidate, dr.GetProperty("value").GetProperty("ci_low").GetDouble(), dr.GetProperty("value").GetProperty("ci_high").GetDouble());
        Assert.All(result.GetProperty("files").EnumerateArray(), f => Assert.True(File.Exists(f.GetString())));
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(folder, "ope.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Did_TwoWayFixedEffectsCoverTheTrueEffect()
    {
        var result = CliRunner.Json("demo", "--scenario", "did", "--dir", folder, "--json");

        var twfe = result.GetProperty("result").GetProperty("twfe");
        Assert.InRange(0.03, twfe.GetProperty("ci_low").GetDouble(), twfe.GetProperty("ci_high").GetDouble());
        Assert.True(result.GetProperty("result").GetProperty("pre_trend").GetProperty("flat").GetBoolean());
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(folder, "did.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Holdout_LongRunEffectCoversTheTruthAndControlMatchesTheHoldout()
    {
        var result = CliRunner.Json("demo", "--scenario", "holdout", "--dir", folder, "--json");

        var truth = Number(result.GetProperty("truth").GetString()!, @"treatment adds ([0-9.]+)");
        var holdout = result.GetProperty("result").GetProperty("holdout");
        Assert.Equal("long-term", holdout.GetProperty("name").GetString());
        Assert.Equal("refund-query-rewrite/holdout", holdout.GetProperty("experiment").GetString());
        Assert.Equal(0.2, holdout.GetProperty("expected_holdout_share").GetDouble(), 12);
        var solves = holdout.GetProperty("metrics").EnumerateArray().Where(m => m.GetProperty("metric").GetString() == "solves_13w").ToDictionary(m => m.GetProperty("arm").GetString()!);
        var treatment = solves["treatment"].GetProperty("lift").GetProperty("absolute");
        var control = solves["control"].GetProperty("lift").GetProperty("absolute");
        Assert.InRange(truth, treatment.GetProperty("ci_low").GetDouble(), treatment.GetProperty("ci_high").GetDouble());
        Assert.InRange(0, control.GetProperty("ci_low").GetDouble(), control.GetProperty("ci_high").GetDouble());
        Assert.Equal(holdout.GetProperty("holdout_units").GetInt64(), solves["treatment"].GetProperty("holdout_units").GetInt64());
        Assert.Contains(holdout.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "holdout ratio" && c.GetProperty("status").GetString() == "PASS");
        // The analysis document is all there, with the holdout section added beside it.
        Assert.Equal("verdict.analysis/1", result.GetProperty("result").GetProperty("schema_version").GetString());
    }

    [Fact]
    public void AnalyzeHoldout_AfterTheDemo_PrintsTheTableAndRefusesBriefsWithoutHoldout()
    {
        Assert.Equal(0, CliRunner.Run("demo", "--scenario", "holdout", "--dir", folder, "--json").ExitCode);
        var brief = Path.Combine(folder, "brief.yaml");
        var store = Path.Combine(folder, "verdict.duckdb");

        var (code, output, _) = CliRunner.Run("analyze", brief, "--store", store, "--holdout");
        Assert.Equal(0, code);
        Assert.Contains("Long-term holdout \"long-term\"", output, StringComparison.Ordinal);
        Assert.Contains("solves_13w", output, StringComparison.Ordinal);

        var (markdown, _, markdownError) = CliRunner.Run("analyze", brief, "--store", store, "--holdout", "--markdown");
        Assert.Equal(ExitCodes.InputError, markdown);
        Assert.Contains("--holdout", markdownError, StringComparison.Ordinal);

        File.WriteAllText(brief, File.ReadAllText(brief).Replace("  holdout: {name: long-term, fraction: 0.2}\n", string.Empty, StringComparison.Ordinal));
        var (refused, _, error) = CliRunner.Run("analyze", brief, "--store", store, "--holdout", "--unlocked");
        Assert.Equal(ExitCodes.InputError, refused);
        Assert.Contains("has no traffic.holdout", error, StringComparison.Ordinal);
    }
}
