using System.Text.Json;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary><c>verdict simulate experiment</c> on seed 000's example brief.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-sim-").FullName;

    private static string BriefPath => Path.Combine(AppContext.BaseDirectory, "Examples", "brief.yaml");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void SimulateExperiment_Out_WritesNdjsonFileAndSummary()
    {
        var path = Path.Combine(folder, "events.ndjson");
        var (code, output, error) = CliRunner.Run("simulate", "experiment", BriefPath, "--units", "200", "--seed", "5", "--out", path);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("simulated 200 units of refund-query-rewrite v1", error, StringComparison.Ordinal);
        var lines = File.ReadAllLines(path);
        Assert.Equal(200, lines.Count(l => l.StartsWith("{\"type\":\"exposure\"", StringComparison.Ordinal)));
        Assert.All(lines, l => JsonDocument.Parse(l).Dispose());
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void SimulateExperiment_StandardOutput_SameBytesAsFile()
    {
        var path = Path.Combine(folder, "events.ndjson");
        CliRunner.Run("simulate", "experiment", BriefPath, "--units", "100", "--scenario", "srm,novelty", "--out", path);
        var (code, output, _) = CliRunner.Run("simulate", "experiment", BriefPath, "--units", "100", "--scenario", "srm,novelty");

        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllText(path), output);
    }

    [Fact]
    public void SimulateExperiment_UnknownScenario_ExitsTwoNamingIt()
    {
        var (code, _, error) = CliRunner.Run("simulate", "experiment", BriefPath, "--scenario", "drift");

        Assert.Equal(2, code);
        Assert.Contains("unknown scenario \"drift\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateExperiment_NegativeUnits_ExitsTwo()
    {
        var (code, _, error) = CliRunner.Run("simulate", "experiment", BriefPath, "--units", "-5");

        Assert.Equal(2, code);
        Assert.Contains("Units", error, StringComparison.Ordinal);
    }
}
