using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary>The demos of docs/ope.md and docs/quasi-experiments.md: simulated data with a known truth, then the estimate.</summary>
public sealed class QuasiDemoTests : IDisposable
{
    private readonly ScratchFolder scratch = new();

    public void Dispose() => scratch.Dispose();

    private static double Truth(string error, string pattern) =>
        double.Parse(Regex.Match(error, pattern).Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public void SimulateLoggedBandit_ThenOpe_IntervalsCoverTheTrueValues()
    {
        var decisions = scratch.Write("decisions.ndjson", string.Empty);
        var (code, _, error) = CliRunner.Run("simulate", "logged-bandit", "--decisions", "5000", "--seed", "11", "--out", decisions);
        Assert.Equal(0, code);
        var logged = Truth(error, @"logged policy ([0-9.]+)");
        var candidate = Truth(error, @"candidate ([0-9.]+)");

        var json = CliRunner.Json("ope", decisions, "--json", "--bootstrap", "0");

        var dr = json.GetProperty("estimates")[2];
        Assert.Equal("dr", dr.GetProperty("estimator").GetString());
        Assert.InRange(candidate, dr.GetProperty("value").GetProperty("ci_low").GetDouble(), dr.GetProperty("value").GetProperty("ci_high").GetDouble());
        Assert.InRange(candidate - logged, dr.GetProperty("versus_logged").GetProperty("ci_low").GetDouble(), dr.GetProperty("versus_logged").GetProperty("ci_high").GetDouble());
        Assert.Equal(["concise", "detailed", "cited"], json.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void SimulateRollout_ThenDid_CoversTheEffectAndCatchesAPreTrend()
    {
        var parallel = scratch.Write("parallel.csv", string.Empty);
        var drifting = scratch.Write("drifting.csv", string.Empty);
        Assert.Equal(0, CliRunner.Run("simulate", "rollout", "--effect", "0.03", "--out", parallel).ExitCode);
        Assert.Equal(0, CliRunner.Run("simulate", "rollout", "--effect", "0.03", "--pre-trend", "0.01", "--out", drifting).ExitCode);

        var flat = CliRunner.Json("did", parallel, "--outcome", "resolution_rate", "--cluster", "region", "--json");
        var (code, output, _) = CliRunner.Run("did", drifting, "--outcome", "resolution_rate", "--cluster", "region", "--fail-on-pre-trend");

        var twfe = flat.GetProperty("twfe");
        Assert.InRange(0.03, twfe.GetProperty("ci_low").GetDouble(), twfe.GetProperty("ci_high").GetDouble());
        Assert.True(flat.GetProperty("pre_trend").GetProperty("flat").GetBoolean());
        Assert.Contains(flat.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "FewClusters");
        Assert.Equal(ExitCodes.GateFailed, code);
        Assert.Contains("LEADS ARE NOT FLAT", output, StringComparison.Ordinal);
    }
}
