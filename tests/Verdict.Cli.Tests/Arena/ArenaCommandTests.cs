using Xunit;

namespace Verdict.Cli.Tests.Arena;

/// <summary>
/// The <c>verdict arena</c> commands on the offline example (examples/prompt-arena): the reports written, the exit
/// codes 0/1/2 and, for an endpoint that does not answer, 3 rather than a gate failure.
/// </summary>
public sealed class ArenaCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-arena-cli-").FullName;

    private static string Example => Path.Combine(Verdict.Testing.RepositoryRoot.Path, "examples", "prompt-arena", "arena.yaml");

    private string Cache => Path.Combine(folder, "cache");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Run_Example_ReproducesSeedTableAndPassesTheGate()
    {
        var (exit, output, error) = CliRunner.Run("arena", "run", Example, "--out", folder, "--cache", Cache);

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("| A | 3.40 [", output, StringComparison.Ordinal);
        Assert.Contains("| 3.20 [", output, StringComparison.Ordinal);
        Assert.Contains("| B | 4.20 [", output, StringComparison.Ordinal);
        Assert.Contains("4 wins, 0 losses, 1 ties → win rate **90%**", output, StringComparison.Ordinal);
        Assert.Contains("80.0% agreement on 5 labels", output, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Cites the exact policy section with its link.", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "results.json")));
        Assert.Equal(output[..output.IndexOf("Wrote ", StringComparison.Ordinal)], File.ReadAllText(Path.Combine(folder, "report.md")));
    }

    [Fact]
    public void Run_Json_PrintsOneObjectWithGate()
    {
        var document = CliRunner.Json("arena", "run", Example, "--json", "--cache", Cache);

        Assert.True(document.GetProperty("gate").GetProperty("passed").GetBoolean());
        var duel = document.GetProperty("comparisons")[0].GetProperty("pairwise");
        Assert.Equal(0.9, duel.GetProperty("win_rate").GetDouble(), 12);
    }

    [Fact]
    public void Run_StricterAgreementPolicy_GateFailsWithExitCode1()
    {
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(Example)!))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var arena = Path.Combine(folder, "arena.yaml");
        File.WriteAllText(arena, File.ReadAllText(Example).Replace("min_judge_agreement: 0.80", "min_judge_agreement: 0.90", StringComparison.Ordinal));

        var (exit, output, _) = CliRunner.Run("arena", "run", arena, "--cache", Cache);

        Assert.Equal(ExitCodes.GateFailed, exit);
        Assert.Contains("recalibrate judge", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingFile_ExitCode2()
    {
        var (exit, _, error) = CliRunner.Run("arena", "run", "/nonexistent/arena.yaml");

        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("arena file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnreachableEndpoint_ExitsThreeNotGateFailure()
    {
        File.WriteAllText(Path.Combine(folder, "golden.jsonl"), """{"id":"q1","input":"My package hasn't arrived."}""" + "\n");
        var arena = Path.Combine(folder, "arena.yaml");
        File.WriteAllText(arena, """
            name: unreachable
            dataset: golden.jsonl
            variants:
              - {name: A, endpoint: "http://127.0.0.1:9/v1", model: m, system_prompt: "Be helpful."}
              - {name: B, endpoint: "http://127.0.0.1:9/v1", model: m, system_prompt: "Cite the policy."}
            evaluators:
              - kind: not_contains
                value: forbidden
            execution:
              timeout_seconds: 5
              max_retries: 0
            """);
        var reports = Path.Combine(folder, "out");

        var (exit, output, error) = CliRunner.Run("arena", "run", arena, "--cache", Cache, "--out", reports);

        Assert.Equal(ExitCodes.EndpointUnavailable, exit);
        Assert.Contains("model calls got no reply (first: http://127.0.0.1:9/v1", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Gate", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(reports));
    }

    [Fact]
    public void Promote_WritesReceiptIntoBrief()
    {
        var brief = Path.Combine(folder, "brief.yaml");
        File.WriteAllText(brief, "name: support\narms:\n  - name: control\n");

        var (exit, _, error) = CliRunner.Run("arena", "promote", Example, "--variant", "B", "--brief", brief);

        Assert.True(exit == ExitCodes.Success, error);
        var text = File.ReadAllText(brief);
        Assert.Contains("name: treatment", text, StringComparison.Ordinal);
        Assert.Contains("prompt: support-b-v1@sha256:", text, StringComparison.Ordinal);
        Assert.Contains("model: gpt-4o-mini-2024-07-18", text, StringComparison.Ordinal);
    }
}
