using Verdict.Cli.Commands.Server;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary><c>verdict serve --monitor-interval</c> and <c>--bandit-interval</c> (docs/cli.md, "verdict serve").</summary>
public sealed class ServeMonitorIntervalTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("1m", 60)]
    [InlineData("2h", 7200)]
    [InlineData("1s", 1)]
    public void MonitorInterval_Duration_IsTheServerOption(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ServeCommand.MonitorInterval(text));

    [Theory]
    [InlineData("off")]
    [InlineData("OFF")]
    public void MonitorInterval_Off_TurnsTheMonitorOff(string text) => Assert.Null(ServeCommand.MonitorInterval(text));

    [Theory]
    [InlineData("0s")]
    [InlineData("500ms")]
    [InlineData("soon")]
    [InlineData("-1m")]
    public void Serve_BadMonitorInterval_ExitsTwoNamingTheOption(string text) => BadInterval("--monitor-interval", text);

    [Theory]
    [InlineData("0s")]
    [InlineData("daily")]
    public void Serve_BadBanditInterval_ExitsTwoNamingTheOption(string text) => BadInterval("--bandit-interval", text);

    [Fact]
    public void BanditInterval_DurationOrOff_IsTheServerOption()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), ServeCommand.Interval("5m", "--bandit-interval"));
        Assert.Null(ServeCommand.Interval("off", "--bandit-interval"));
    }

    private static void BadInterval(string option, string text)
    {
        using var folder = new ScratchFolder();
        var store = Path.Combine(Path.GetDirectoryName(folder.Write("readme.txt", string.Empty))!, "v.duckdb");
        var (code, _, error) = CliRunner.Run("serve", "--store", store, "--urls", "http://127.0.0.1:0", option, text);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.Contains(text, error, StringComparison.Ordinal);
        Assert.False(File.Exists(store), "the store must not be opened before the options are checked");
    }
}
