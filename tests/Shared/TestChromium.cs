using Microsoft.Playwright;

namespace Verdict.Testing;

/// <summary>
/// Debian's <c>chromium</c> (or <c>VERDICT_TEST_CHROMIUM</c>) launched headless by Playwright for the browser tests, with
/// no sandbox, GPU or background networking (linked into each test project that drives a browser). When Chromium is
/// missing the test skips, unless <c>VERDICT_REQUIRE_SERVICES=1</c> (test.sh), where it fails.
/// </summary>
internal static class TestChromium
{
    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

    /// <summary>Launches the browser through <paramref name="playwright"/>.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = Executable(), Args = Args, Headless = true });

    private static string Executable()
    {
        var executable = Environment.GetEnvironmentVariable("VERDICT_TEST_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            var message = $"Chromium not found at {executable} (install Debian's chromium or set VERDICT_TEST_CHROMIUM)";
            if (Environment.GetEnvironmentVariable("VERDICT_REQUIRE_SERVICES") == "1")
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
        }

        return executable;
    }
}
