using System.Text;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary>Input the command line refuses with exit code 2 and a message saying where and why.</summary>
public sealed class InputRefusalTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-refuse-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("frobnicate", "--help")]
    [InlineData("stats", "nope", "--help")]
    [InlineData("frobnicate", "-h")]
    [InlineData("frobnicate")]
    public void Run_UnknownCommandWhateverFollows_ExitsTwo(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.DoesNotContain("Usage", output, StringComparison.Ordinal);
        Assert.Contains("Unrecognized command or argument", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_DirectoryAsBrief_SaysItIsADirectory()
    {
        var (code, _, error) = CliRunner.Run("plan", folder);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("is a directory", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_BriefNotUtf8_IsRefusedAndNoLockWritten()
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "brief.yaml"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Examples", "metrics.yaml"), Path.Combine(folder, "metrics.yaml"));
        var latin1 = Encoding.Latin1.GetBytes(source.Replace("owner: support-ai-team", "owner: équipe-support", StringComparison.Ordinal));
        var brief = Path.Combine(folder, "brief.yaml");
        File.WriteAllBytes(brief, latin1);
        var (code, _, error) = CliRunner.Run("plan", brief);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("not UTF-8 text", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "brief.lock.json")));
    }
}
