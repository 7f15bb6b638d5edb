using System.Globalization;
using System.Text.Json;
using Verdict.Statistics.Tests.Sequential;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary>
/// <c>verdict stats sequential</c>, <c>sequential-look</c>, <c>always-valid</c> and <c>simulate peeking</c>: JSON shapes
/// and, for <c>stats sequential</c>, agreement with the committed rpact designs (1e-4 on z, 1e-6 on alpha).
/// </summary>
public sealed class SequentialContractTests
{
    private static readonly IReadOnlyList<RpactDesign> Designs = SequentialReference.Rpact.Designs;

    [Theory]
    [InlineData("obf", "asOF-K4-equal-1sided")]
    [InlineData("pocock", "asP-K5-equal-2sided")]
    [InlineData("power:2", "asKD(2)-K3-equal-2sided")]
    [InlineData("hsd:-4", "asHSD(-4)-K4-equal-1sided")]
    [InlineData("classic-obf", "OF-K5-equal-2sided")]
    [InlineData("classic-pocock", "P-K4-equal-1sided")]
    public void Sequential_Json_IsTheFixedContractAndMatchesRpact(string spending, string id)
    {
        var reference = Designs.Single(d => d.Id == id);
        var looks = string.Join(',', reference.InformationRates.Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
        var json = CliRunner.Json(
            "stats", "sequential", "--looks", looks, "--spending", spending,
            "--alpha", reference.Alpha.ToString(CultureInfo.InvariantCulture),
            "--sides", reference.Sided.ToString(CultureInfo.InvariantCulture), "--json");

        Assert.Equal(["cumulative_alpha", "nominal_p", "z"], json.EnumerateObject().Select(p => p.Name).Order());
        Close(reference.CriticalValues, json.GetProperty("z"), 1e-4);
        Close(reference.StageLevels, json.GetProperty("nominal_p"), 1e-5);
        Close(reference.AlphaSpent, json.GetProperty("cumulative_alpha"), 1e-6);
    }

    [Fact]
    public void Sequential_WithFutilityAndFixedN_AddsFutilityAndPlanning()
    {
        var json = CliRunner.Json("stats", "sequential", "--looks", "0.3,0.7,1", "--alpha", "0.025", "--sides", "1", "--futility", "obf", "--fixed-n", "1000", "--json");

        Assert.Equal(3, json.GetProperty("futility_z").GetArrayLength());
        Assert.True(json.GetProperty("planning").GetProperty("max_n").GetDouble() > 1000);
    }

    [Theory]
    [InlineData("--spending", "obrien")]
    [InlineData("--spending", "power:-1")]
    [InlineData("--looks", "0.5,0.4,1")]
    [InlineData("--sides", "3")]
    public void Sequential_BadInput_ExitsTwoWithAMessage(string option, string value)
    {
        var (code, _, error) = CliRunner.Run("stats", "sequential", option, value);

        Assert.Equal(2, code);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SequentialLook_RegisteredLook_DecidesWithPlannedBoundary()
    {
        var json = CliRunner.Json("stats", "sequential-look", "--at", "0.25,0.5", "--z", "3.1", "--json");

        Assert.Equal("STOP_EFFICACY", json.GetProperty("decision").GetString());
        Assert.False(json.GetProperty("recomputed").GetBoolean());
        Assert.True(json.GetProperty("adjusted_p_value").GetDouble() < 0.05);
    }

    [Fact]
    public void SequentialLook_UnregisteredLook_IsSpentForAndRecorded()
    {
        var json = CliRunner.Json("stats", "sequential-look", "--at", "0.25,0.52", "--control", "410/1100", "--treatment", "440/1100", "--json");

        Assert.Equal("CONTINUE", json.GetProperty("decision").GetString());
        Assert.True(json.GetProperty("recomputed").GetBoolean());
        Assert.Contains("not registered", json.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.True(json.GetProperty("repeated_ci_low").GetDouble() < 0);
    }

    [Fact]
    public void SequentialLook_UnregisteredLookOnClassicPlan_IsRefused()
    {
        var (code, _, error) = CliRunner.Run("stats", "sequential-look", "--spending", "classic-obf", "--at", "0.25,0.52", "--z", "3");

        Assert.Equal(2, code);
        Assert.Contains("not registered", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AlwaysValid_Json_HasAbsoluteAndRelativeSequences()
    {
        var json = CliRunner.Json("stats", "always-valid", "--control", "760/2000", "--treatment", "840/2000", "--json");

        Assert.Equal("asymptotic", json.GetProperty("method").GetString());
        Assert.Equal(5000, json.GetProperty("n_star").GetDouble());
        foreach (var part in new[] { "absolute", "relative" })
        {
            foreach (var field in new[] { "estimate", "se", "ci_low", "ci_high", "p_value" })
            {
                Assert.Equal(JsonValueKind.Number, json.GetProperty(part).GetProperty(field).ValueKind);
            }
        }
    }

    [Fact]
    public void AlwaysValid_Msprt_ReportsTau()
    {
        var json = CliRunner.Json("stats", "always-valid", "--control", "2000,10,3", "--treatment", "2000,10.3,3.1", "--method", "msprt", "--tau", "0.2", "--json");

        Assert.Equal(0.2, json.GetProperty("tau").GetDouble());
        Assert.True(json.GetProperty("absolute").GetProperty("p_value").GetDouble() < 1);
    }

    [Fact]
    public void SimulatePeeking_Json_IsReproducibleAndHasEveryPolicy()
    {
        string[] args = ["simulate", "peeking", "--trials", "300", "--looks", "5", "--seed", "3", "--json"];
        var first = CliRunner.Run(args);
        var second = CliRunner.Run([.. args, "--threads", "1"]);
        var json = JsonDocument.Parse(first.Out).RootElement;

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Out, second.Out);
        Assert.Equal(
            ["always_valid", "fixed_horizon", "naive_peeking", "obrien_fleming_plan"],
            json.GetProperty("policies").EnumerateArray().Select(p => p.GetProperty("policy").GetString()).Order());
    }

    private static void Close(double[] expected, JsonElement actual, double tolerance)
    {
        var e = expected;
        var a = actual.EnumerateArray().ToArray();
        Assert.Equal(e.Length, a.Length);
        for (var i = 0; i < e.Length; i++)
        {
            Assert.Equal(e[i], a[i].GetDouble(), tolerance);
        }
    }
}
