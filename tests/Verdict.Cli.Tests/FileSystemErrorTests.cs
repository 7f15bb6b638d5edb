using Xunit;

namespace Verdict.Cli.Tests;

/// <summary>File-system failures are input or environment errors (exit 2, one line), and leave nothing half written.</summary>
public sealed class FileSystemErrorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-fs-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Demo()
    {
        Assert.Equal(0, CliRunner.Run("demo", "--dir", folder, "--units", "3000", "--json").ExitCode);
        return Path.Combine(folder, "brief.yaml");
    }

    private string Store => Path.Combine(folder, "verdict.duckdb");

    [Fact]
    public void Report_OutIsADirectory_ExitsTwo()
    {
        var brief = Demo();
        var (code, _, error) = CliRunner.Run("report", brief, "--store", Store, "--out", folder);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("is a directory", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_PngIsAnExistingFile_ExitsTwoAndWritesNoHtml()
    {
        var brief = Demo();
        var html = Path.Combine(folder, "fresh.html");
        var (code, _, error) = CliRunner.Run("report", brief, "--store", Store, "--out", html, "--png", brief);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("--png", error, StringComparison.Ordinal);
        Assert.False(File.Exists(html));
    }

    [Fact]
    public void Plan_LockCannotBeWritten_ExitsTwoNotSeventy()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Examples"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        Directory.CreateDirectory(Path.Combine(folder, "brief.lock.json"));
        var (code, _, error) = CliRunner.Run("plan", Path.Combine(folder, "brief.yaml"));
        Assert.Equal(ExitCodes.InputError, code);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_DirIsAFile_ExitsTwo()
    {
        var file = Path.Combine(folder, "taken");
        File.WriteAllText(file, "x");
        var (code, _, error) = CliRunner.Run("demo", "--dir", file, "--units", "3000");
        Assert.Equal(ExitCodes.InputError, code);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_LaterFileMissing_LoadsNothingAndCreatesNoStore()
    {
        var events = Path.Combine(folder, "events.ndjson");
        File.WriteAllText(events, """{"type":"exposure","experiment":"x","version":1,"unit_id":"u1","arm":"control","timestamp":"2026-05-04T00:00:00Z"}""" + "\n");
        var store = Path.Combine(folder, "new.duckdb");
        var (code, _, error) = CliRunner.Run("ingest", "--store", store, events, Path.Combine(folder, "missing.ndjson"), folder);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("missing.ndjson does not exist", error, StringComparison.Ordinal);
        Assert.Contains("is a directory", error, StringComparison.Ordinal);
        Assert.Contains("nothing was loaded", error, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
    }

    [Fact]
    public void Ingest_FullDisk_ExitsTwoSayingTheStoreCouldNotBeWritten()
    {
        var events = Path.Combine(folder, "events.ndjson");
        var brief = Path.Combine(AppContext.BaseDirectory, "Examples", "brief.yaml");
        Assert.Equal(0, CliRunner.Run("simulate", "experiment", brief, "--units", "20000", "--out", events).ExitCode);
        var tiny = Path.Combine(folder, "tiny");
        Directory.CreateDirectory(tiny);
        Assert.SkipUnless(Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", tiny), "needs permission to mount a 1 MB tmpfs (a full disk on demand)");
        try
        {
            var (code, _, error) = CliRunner.Run("ingest", "--store", Path.Combine(tiny, "store.duckdb"), events);
            Assert.Equal(ExitCodes.InputError, code);
            Assert.Contains("could not be written", error, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        }
        finally
        {
            Run("umount", tiny);
        }
    }

    private static bool Run(string program, params string[] arguments)
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit(TimeSpan.FromSeconds(30));
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
