using Verdict.Cli;
using Xunit;

namespace Verdict.Arena.Tests;

/// <summary>The <c>verdict arena</c> commands on the offline example (examples/prompt-arena).</summary>
public sealed class ArenaCliTests
{
    private static string Example => Repository.Path("examples", "prompt-arena", "arena.yaml");

    [Fact]
    public void Run_Example_ReproducesSeedTableAndPassesTheGate()
    {
        using var directory = new ArenaDirectory();
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = CliApp.Run(["arena", "run", Example, "--out", directory.Path, "--cache", directory.Cache], output, error);

        Assert.True(exit == ExitCodes.Success, error.ToString());
        var text = output.ToString();
        Assert.Contains("| A | 3.40 [", text, StringComparison.Ordinal);
        Assert.Contains("| 3.20 [", text, StringComparison.Ordinal);
        Assert.Contains("| B | 4.20 [", text, StringComparison.Ordinal);
        Assert.Contains("4 wins, 0 losses, 1 ties → win rate **90%**", text, StringComparison.Ordinal);
        Assert.Contains("80.0% agreement on 5 labels", text, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(directory.Path, "report.html"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Cites the exact policy section with its link.", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory.Path, "results.json")));
        Assert.True(File.Exists(Path.Combine(directory.Path, "report.md")));
    }

    [Fact]
    public void Run_Json_PrintsOneObjectWithGate()
    {
        using var directory = new ArenaDirectory();
        var output = new StringWriter();

        var exit = CliApp.Run(["arena", "run", Example, "--json", "--cache", directory.Cache], output, new StringWriter());

        Assert.Equal(ExitCodes.Success, exit);
        using var document = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.True(document.RootElement.GetProperty("gate").GetProperty("passed").GetBoolean());
        var duel = document.RootElement.GetProperty("comparisons")[0].GetProperty("pairwise");
        Assert.Equal(0.9, duel.GetProperty("win_rate").GetDouble(), 12);
    }

    [Fact]
    public void Run_StricterAgreementPolicy_GateFailsWithExitCode1()
    {
        using var directory = new ArenaDirectory();
        var exampleDirectory = Path.GetDirectoryName(Example)!;
        foreach (var file in Directory.GetFiles(exampleDirectory))
        {
            File.Copy(file, Path.Combine(directory.Path, Path.GetFileName(file)));
        }

        var arena = directory.Write("arena.yaml", File.ReadAllText(Example).Replace("min_judge_agreement: 0.80", "min_judge_agreement: 0.90", StringComparison.Ordinal));
        var output = new StringWriter();

        var exit = CliApp.Run(["arena", "run", arena, "--cache", directory.Cache], output, new StringWriter());

        Assert.Equal(ExitCodes.GateFailed, exit);
        Assert.Contains("recalibrate judge", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingFile_ExitCode2()
    {
        var error = new StringWriter();

        var exit = CliApp.Run(["arena", "run", "/nonexistent/arena.yaml"], new StringWriter(), error);

        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("arena file not found", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_WritesReceiptIntoBrief()
    {
        using var directory = new ArenaDirectory();
        var brief = directory.Write("brief.yaml", "name: support\narms:\n  - name: control\n");

        var exit = CliApp.Run(["arena", "promote", Example, "--variant", "B", "--brief", brief], new StringWriter(), new StringWriter());

        Assert.Equal(ExitCodes.Success, exit);
        var text = File.ReadAllText(brief);
        Assert.Contains("name: treatment", text, StringComparison.Ordinal);
        Assert.Contains("prompt: support-b-v1@sha256:", text, StringComparison.Ordinal);
        Assert.Contains("model: gpt-4o-mini-2024-07-18", text, StringComparison.Ordinal);
    }
}
