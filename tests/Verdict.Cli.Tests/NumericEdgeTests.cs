using Xunit;

namespace Verdict.Cli.Tests;

/// <summary>Numbers at the edges of the calculators and the planner are refused with exit 2, never overflowed or accepted silently.</summary>
public sealed class NumericEdgeTests
{
    [Theory]
    [InlineData("too small to detect", "stats", "sample-size", "--baseline", "0.38", "--mde", "1e-12", "--json")]
    [InlineData("too small to detect", "stats", "sample-size", "--sd", "300", "--mde", "1e-12")]
    [InlineData("--mde must be a positive finite number", "stats", "sample-size", "--baseline", "0.38", "--mde", "-0.02")]
    [InlineData("--mde must be a positive finite number", "stats", "power", "--baseline", "0.38", "--mde", "-0.02", "--n", "5000")]
    [InlineData("--daily-traffic must be a positive finite number", "stats", "sample-size", "--baseline", "0.38", "--mde", "0.02", "--daily-traffic", "Infinity")]
    [InlineData("sum to 1", "stats", "srm", "--counts", "100,100", "--weights", "0.7,0.7")]
    public void Stats_EdgeValue_ExitsTwoSayingWhy(string expected, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_InfiniteDailyTraffic_ExitsTwo()
    {
        var brief = Path.Combine(AppContext.BaseDirectory, "Examples", "brief.yaml");
        var (code, _, error) = CliRunner.Run("plan", "--check", brief, "--daily-traffic", "Infinity");
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("--daily-traffic must be a positive finite number", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_BriefWithAVanishingMde_ExitsTwoNotSeventy()
    {
        var folder = Directory.CreateTempSubdirectory("verdict-mde-").FullName;
        try
        {
            var examples = Path.Combine(AppContext.BaseDirectory, "Examples");
            File.Copy(Path.Combine(examples, "metrics.yaml"), Path.Combine(folder, "metrics.yaml"));
            var brief = Path.Combine(folder, "brief.yaml");
            File.WriteAllText(brief, File.ReadAllText(Path.Combine(examples, "brief.yaml")).Replace("mde: 2.0pp", "mde: 1e-10pp", StringComparison.Ordinal));
            var (code, _, error) = CliRunner.Run("plan", brief);
            Assert.Equal(ExitCodes.InputError, code);
            Assert.Contains("too small to detect", error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "brief.lock.json")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
