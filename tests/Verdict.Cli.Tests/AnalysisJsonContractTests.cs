using System.Text.Json;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary><c>analyze --json</c> matches docs/analysis-json.md: the fields it promises are present, and variance_reduction agrees with the printed SEs.</summary>
public sealed class AnalysisJsonContractTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-json-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private JsonElement Analyze(string scenario, params string[] extra)
    {
        Assert.Equal(0, CliRunner.Run("demo", "--dir", folder, "--scenario", scenario, "--units", "20000", "--json").ExitCode);
        return CliRunner.Json(["analyze", Path.Combine(folder, "brief.yaml"), "--store", Path.Combine(folder, "verdict.duckdb"), "--json", .. extra]);
    }

    [Fact]
    public void AnalyzeJson_Cuped_VarianceReductionComesFromThePrintedStandardErrors()
    {
        var primary = Analyze("none").GetProperty("primary");
        var adjusted = primary.GetProperty("lift").GetProperty("absolute").GetProperty("se").GetDouble();
        var unadjusted = primary.GetProperty("unadjusted").GetProperty("absolute").GetProperty("se").GetDouble();
        var expected = 1 - Math.Pow(adjusted / unadjusted, 2);
        Assert.Equal(expected, primary.GetProperty("variance_reduction").GetDouble(), 12);
    }

    [Fact]
    public void AnalyzeJson_DocumentedFields_ArePresentEvenWhenNull()
    {
        var ship = Analyze("none");
        Assert.Equal(JsonValueKind.Null, ship.GetProperty("as_of").ValueKind);
        Assert.Equal(JsonValueKind.Null, ship.GetProperty("primary").GetProperty("adjusted_p_value").ValueKind);

        var invalid = CliRunner.Json("analyze", Path.Combine(folder, "brief.yaml"), "--store", Path.Combine(folder, "verdict.duckdb"), "--json", "--as-of", "2026-05-05T00:00:00Z");
        Assert.Equal("INVALID", invalid.GetProperty("decision").GetString());
        Assert.Equal(JsonValueKind.Null, invalid.GetProperty("primary").ValueKind);
        Assert.StartsWith("2026-05-05T00:00:00", invalid.GetProperty("as_of").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnalyzeJson_Codes_EveryCheckHasOneAndReasonCodesPairWithReasons()
    {
        var ship = Analyze("none");
        Assert.Equal(["ship"], ship.GetProperty("reason_codes").EnumerateArray().Select(c => c.GetString()));
        Assert.All(ship.GetProperty("checks").EnumerateArray(), c => Assert.Matches("^[a-z_]+\\.[a-z_]+$", c.GetProperty("code").GetString()!));

        var invalid = CliRunner.Json("analyze", Path.Combine(folder, "brief.yaml"), "--store", Path.Combine(folder, "verdict.duckdb"), "--json", "--as-of", "2026-05-05T00:00:00Z");
        var reasons = invalid.GetProperty("reasons").GetArrayLength();
        var codes = invalid.GetProperty("reason_codes").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(reasons, codes.Count);
        Assert.All(codes, c => Assert.StartsWith("integrity.", c, StringComparison.Ordinal));
    }
}
