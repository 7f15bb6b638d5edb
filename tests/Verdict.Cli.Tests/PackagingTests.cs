using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary>
/// The tool as a user gets it: packed, installed into a temporary tool path from that package alone, and run. Slow (a
/// 200 MB package), so it runs where services are required (CI, ./test.sh) or with VERDICT_PACK_TEST=1.
/// </summary>
public sealed class PackagingTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    private readonly string folder = Directory.CreateTempSubdirectory("verdict-pack-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void PackInstallRun_FromATempToolPath_DemoShips()
    {
        Assert.SkipUnless(
            Environment.GetEnvironmentVariable("VERDICT_REQUIRE_SERVICES") == "1" || Environment.GetEnvironmentVariable("VERDICT_PACK_TEST") == "1",
            "packs and installs the 200 MB tool: set VERDICT_PACK_TEST=1 (CI and ./test.sh run it)");
        var root = Verdict.Testing.RepositoryRoot.Path;
        var packages = Path.Combine(folder, "nupkg");
        var tools = Path.Combine(folder, "tools");
        Run("dotnet", root, "pack", Path.Combine(root, "src", "Verdict.Cli"), "-c", "Release", "-o", packages);
        var package = Assert.Single(Directory.GetFiles(packages, "Verdict.Cli.*.nupkg"));
        var version = Path.GetFileNameWithoutExtension(package)["Verdict.Cli.".Length..];
        Run("dotnet", folder, "tool", "install", "Verdict.Cli", "--tool-path", tools, "--add-source", packages, "--version", version);

        var output = Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "verdict.exe" : "verdict"), folder, "demo", "--dir", Path.Combine(folder, "demo"), "--units", "3000", "--json");
        var demo = JsonDocument.Parse(output).RootElement;
        Assert.Equal("2256d55f22ac7f1248f312604a20b7997e86e7b014d4d9e3ef6ff7ec1a5f0097", demo.GetProperty("lock_hash").GetString());
        Assert.True(File.Exists(demo.GetProperty("report").GetString()));
    }

    private static string Run(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} took longer than {Limit}");
        }

        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result}{output.Result}");
        return output.Result;
    }
}
