using Xunit;

namespace Verdict.Cli.Tests;

/// <summary><c>verdict ingest</c> and <c>verdict analyze</c> as a person would run them, on a fresh DuckDB file.</summary>
public sealed class StoreCommandsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-store-").FullName;

    public StoreCommandsTests()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Examples")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    private string BriefPath => Path.Combine(folder, "brief.yaml");

    private string StorePath => Path.Combine(folder, "verdict.duckdb");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void IngestThenAnalyze_SimulatedNdjson_ShipsAndGatesOnTheVerdict()
    {
        var events = Path.Combine(folder, "events.ndjson");
        Assert.Equal(0, CliRunner.Run("simulate", "experiment", BriefPath, "--units", "24000", "--out", events).ExitCode);

        var ingest = CliRunner.Json("ingest", "--store", StorePath, events, "--json");
        var added = ingest.GetProperty("files")[0].GetProperty("events_added").GetInt64();
        Assert.True(added > 90_000);
        var again = CliRunner.Json("ingest", "--store", StorePath, events, "--json");
        Assert.Equal(0, again.GetProperty("files")[0].GetProperty("events_added").GetInt64());
        Assert.Equal(added, again.GetProperty("events_total").GetInt64());

        var analysis = CliRunner.Json("analyze", BriefPath, "--store", StorePath, "--json");
        Assert.Equal("SHIP", analysis.GetProperty("decision").GetString());
        Assert.Equal(0, CliRunner.Run("analyze", BriefPath, "--store", StorePath, "--fail-on-not-ship").ExitCode);

        // Before the planned enrollment the same store is INVALID, and the CI gate fails with exit code 1.
        var early = CliRunner.Run("analyze", BriefPath, "--store", StorePath, "--as-of", "2026-05-06T00:00:00Z", "--fail-on-not-ship");
        Assert.Equal(ExitCodes.GateFailed, early.ExitCode);
        Assert.Contains("INVALID", early.Out, StringComparison.Ordinal);

        var memo = CliRunner.Run("analyze", BriefPath, "--store", StorePath, "--markdown");
        Assert.StartsWith("# refund-query-rewrite v1: **SHIP**", memo.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_BadLine_ExitsTwoNamingTheLineAndLoadsNothing()
    {
        var file = Path.Combine(folder, "bad.ndjson");
        File.WriteAllText(file, """
            {"type":"event","name":"conversation_solved","unit_id":"u1","timestamp":"2026-05-04T00:01:00Z","idempotency_key":"k1"}
            {"type":"event","name":"conversation_solved","unit_id":"u2","timestamp":"2026-05-04T00:01:00Z","value":"fast","idempotency_key":"k2"}
            """);
        var (code, output, error) = CliRunner.Run("ingest", "--store", StorePath, file);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("bad.ndjson:2: value must be a finite number", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.Equal(0, CliRunner.Json("ingest", "--store", StorePath, "--json", Path.Combine(folder, "empty.ndjson").Touch()).GetProperty("events_total").GetInt64());
    }

    [Fact]
    public void Analyze_UnreachableStore_ExitsThree()
    {
        Assert.Equal(ExitCodes.StoreUnavailable, CliRunner.Run("analyze", BriefPath, "--store", "postgres://verdict@127.0.0.1:1/none").ExitCode);
        Assert.Equal(ExitCodes.StoreUnavailable, CliRunner.Run("analyze", BriefPath, "--store", Path.Combine(folder, "missing", "x.duckdb")).ExitCode);
    }

    [Fact]
    public void Analyze_StoreFileMissing_ExitsThreeAndCreatesNothing()
    {
        var typo = Path.Combine(folder, "verdcit.duckdb");
        var (code, output, error) = CliRunner.Run("analyze", BriefPath, "--store", typo);
        Assert.Equal(ExitCodes.StoreUnavailable, code);
        Assert.Contains($"--store: {typo} does not exist; load events first", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.False(File.Exists(typo));
    }

    [Fact]
    public void Analyze_UnknownArm_ExitsTwo()
    {
        CliRunner.Run("ingest", "--store", StorePath, Path.Combine(folder, "empty.ndjson").Touch());
        var (code, _, error) = CliRunner.Run("analyze", BriefPath, "--store", StorePath, "--arm", "nope");
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("--arm", error, StringComparison.Ordinal);
    }
}

internal static class FileTestExtensions
{
    public static string Touch(this string path)
    {
        File.WriteAllText(path, string.Empty);
        return path;
    }
}
