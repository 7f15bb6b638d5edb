using System.Text.Json;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary>The <c>verdict stats --json</c> forms and field names are a contract.</summary>
public sealed class StatsContractTests
{
    private static readonly string[] EstimateFields = ["estimate", "se", "ci_low", "ci_high", "p_value"];

    [Fact]
    public void Proportions_Json_HasContractShapeAndSeedNumbers()
    {
        var json = CliRunner.Json("stats", "proportions", "--control", "760/2000", "--treatment", "840/2000", "--json");
        foreach (var part in new[] { "absolute", "relative" })
        {
            foreach (var field in EstimateFields)
            {
                Assert.Equal(JsonValueKind.Number, json.GetProperty(part).GetProperty(field).ValueKind);
            }
        }

        Assert.Equal(0.04, json.GetProperty("absolute").GetProperty("estimate").GetDouble(), 12);
        Assert.Equal(0.0155, json.GetProperty("absolute").GetProperty("se").GetDouble(), 4);
    }

    [Fact]
    public void Means_Json_HasDfInAbsoluteAndRelative()
    {
        var json = CliRunner.Json("stats", "means", "--control", "1000,10,4", "--treatment", "1000,10.5,4.2", "--json");
        Assert.True(json.GetProperty("absolute").GetProperty("df").GetDouble() > 1900);
        Assert.True(json.GetProperty("relative").GetProperty("df").GetDouble() > 1900);
        var sums = CliRunner.Json("stats", "means", "--control-sums", "3,6,14", "--treatment-sums", "3,9,29", "--json");
        Assert.Equal(1.0, sums.GetProperty("absolute").GetProperty("estimate").GetDouble(), 12);
    }

    [Fact]
    public void SampleSize_Json_MatchesSeedContract()
    {
        var json = CliRunner.Json("stats", "sample-size", "--baseline", "0.38", "--mde", "0.02", "--json");
        Assert.Equal(9246, json.GetProperty("per_arm").GetInt64());
        Assert.Equal(18492, json.GetProperty("total").GetInt64());
        var pooled = CliRunner.Json("stats", "sample-size", "--baseline", "0.60", "--mde", "0.05", "--formula", "pooled", "--json");
        Assert.Equal(2942, pooled.GetProperty("total").GetInt64());
        var unequal = CliRunner.Json("stats", "sample-size", "--baseline", "0.38", "--mde", "0.02", "--ratio", "2", "--json");
        Assert.True(unequal.GetProperty("treatment").GetInt64() > unequal.GetProperty("control").GetInt64());
        Assert.Equal(unequal.GetProperty("control").GetInt64() + unequal.GetProperty("treatment").GetInt64(), unequal.GetProperty("total").GetInt64());
        var continuous = CliRunner.Json("stats", "sample-size", "--sd", "1.0", "--mde", "0.02", "--json");
        Assert.True(continuous.GetProperty("per_arm").GetInt64() > 0);
    }

    [Fact]
    public void Srm_Json_HasContractFields()
    {
        var json = CliRunner.Json("stats", "srm", "--counts", "1650,2350", "--weights", "0.5,0.5", "--json");
        Assert.Equal(122.5, json.GetProperty("chi_square").GetDouble(), 9);
        Assert.Equal(1, json.GetProperty("df").GetInt32());
        Assert.True(json.GetProperty("p_value").GetDouble() < 1e-20);
        Assert.True(json.GetProperty("mismatch").GetBoolean());
    }

    [Theory]
    [InlineData("bonferroni", new[] { 0.004, 0.08, 0.48, 1.0 })]
    [InlineData("bh", new[] { 0.004, 0.04, 0.16, 0.42 })]
    public void Adjust_Json_ReturnsInInputOrder(string method, double[] expected)
    {
        var json = CliRunner.Json("stats", "adjust", "--p", "0.001,0.02,0.12,0.42", "--method", method, "--json");
        var actual = json.GetProperty("adjusted").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 12);
        }
    }

    [Theory]
    [InlineData("power", "--baseline", "0.38", "--mde", "0.02", "--n", "9246")]
    [InlineData("mde", "--baseline", "0.38", "--n", "9246")]
    [InlineData("bayes", "--control", "760/2000", "--treatment", "840/2000")]
    [InlineData("noninferiority", "--estimate", "80", "--se", "30", "--margin", "150")]
    [InlineData("quantile", "--q", "0.95", "--ranks", "2000")]
    [InlineData("cuped", "--control", "4,2,2,2,2,1", "--treatment", "4,3,3,2,2,2")]
    [InlineData("ratio", "--control", "3,6,3,14,3,6", "--treatment", "3,9,3,29,3,9")]
    public void OtherCalculators_Json_PrintOneObject(params string[] args)
    {
        var json = CliRunner.Json(["stats", .. args, "--json"]);
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
    }

    [Theory]
    [InlineData("stats", "proportions", "--control", "abc", "--treatment", "1/2")]
    [InlineData("stats", "proportions", "--control", "5/2", "--treatment", "1/2")]
    [InlineData("stats", "proportions", "--control", "1/2", "--treatment", "1/2", "--alpha", "1.5")]
    [InlineData("stats", "sample-size", "--baseline", "0.38")]
    [InlineData("stats", "sample-size", "--baseline", "0.99", "--mde", "0.02")]
    [InlineData("stats", "srm", "--counts", "1,2", "--weights", "0.5")]
    [InlineData("stats", "adjust", "--p", "0.1,2")]
    [InlineData("stats", "means", "--control", "10,1", "--treatment", "10,1,1")]
    [InlineData("stats", "nonsense")]
    public void BadInput_ExitsTwoWithOneLineMessage(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_OnStatsCommands_HasExample()
    {
        foreach (var command in new[] { "proportions", "means", "sample-size", "srm", "adjust", "power", "mde", "bayes", "quantile", "noninferiority", "cuped", "ratio" })
        {
            var (code, output, _) = CliRunner.Run("stats", command, "--help");
            Assert.Equal(0, code);
            Assert.Contains("Example", output, StringComparison.Ordinal);
        }
    }
}
