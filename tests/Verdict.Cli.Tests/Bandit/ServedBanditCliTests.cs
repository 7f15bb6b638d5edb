using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Verdict.Client.Wire;
using Verdict.Server;
using Verdict.Server.Auth;
using Verdict.Server.Bandits;
using Verdict.Server.ControlPlane;
using Verdict.Storage.DuckDb;
using Verdict.Testing;
using Xunit;

namespace Verdict.Cli.Tests.Bandit;

/// <summary>
/// The server's scheduled update and <c>verdict bandit update</c> compute the same weights from the same store: a real
/// server (Kestrel on loopback, DuckDB) serves the bandit of the brief's <c>bandit</c> block to the real SDK for two
/// periods on a fake clock, and the command, started from the same brief and run with <c>--as-of</c> each due time,
/// must print exactly the weights the config served.
/// </summary>
public sealed class ServedBanditCliTests : IDisposable
{
    private const string Key = "prompt-bandit";
    private static readonly double[] TrueRates = [0.5, 0.6];
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-served-bandit-").FullName;

    private string BriefPath => Path.Combine(folder, "brief.yaml");

    private string StorePath => Path.Combine(folder, "verdict.duckdb");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task BanditUpdate_SameStoreAndAsOf_PrintsTheWeightsTheServerServed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "examples", "prompt-bandit", "brief.yaml")).Replace("within: 1d", "within: 2h", StringComparison.Ordinal)
            + "\nbandit:\n  period: 12h\n  enrollment_per_period: 0.2\n  min_sample: 40\n  min_weight: 0.1\n  method: monte_carlo\n  draws: 4000\n  seed: 9\n";
        File.WriteAllText(BriefPath, yaml);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var app = VerdictServer.Build(new ServerOptions { OpenStore = () => DuckDbEventStore.Open(StorePath), Urls = ["http://127.0.0.1:0"], Time = time, MonitorInterval = null, BanditInterval = null }, _ => { });
        await app.StartAsync(cancellationToken);
        var served = new List<BanditConfig>();
        try
        {
            var registry = app.Services.GetRequiredService<Registry>();
            registry.Create(yaml, new Dictionary<string, string>(), "test", "bandit");
            registry.Change(Key, null, ExperimentChange.Start, null, "test", "go");
            var start = time.GetUtcNow();
            using var http = new HttpClient { BaseAddress = new Uri(VerdictServer.Addresses(app)[0]) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", registry.CreateKey(ApiKeyRole.Sdk, "bot", "test").Text);
            var sdk = new BanditSdkTraffic(http, http.BaseAddress, time);
            var runner = app.Services.GetRequiredService<BanditRunner>();
            for (var period = 1; period <= 2; period++)
            {
                await sdk.Poller.PollAsync(cancellationToken);
                await sdk.ServeAsync(Key, $"p{period - 1}", 1500, TrueRates, 40 + period, cancellationToken);
                time.SetUtcNow(start.AddHours(12 * period));
                Assert.Single(await runner.RunOnceAsync(cancellationToken));
            }

            using var response = await http.GetAsync("/api/v1/config", cancellationToken);
            served.Add(JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(cancellationToken), WireJson.Default.SdkConfig)!.Experiments.Single().Bandit!);

            var state = Path.Combine(folder, "bandit.json");
            Assert.Equal(0, CliRunner.Run("bandit", "init", BriefPath, "--out", state).ExitCode);
            for (var period = 1; period <= 2; period++)
            {
                var asOf = start.AddHours(12 * period).ToString("O", CultureInfo.InvariantCulture);
                var printed = CliRunner.Json("bandit", "update", BriefPath, "--state", state, "--store", StorePath, "--as-of", asOf, "--json");
                Assert.Equal(period, printed.GetProperty("period").GetInt32());
                Assert.Equal(served[0].Periods[period].Weights, printed.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("next_weight").GetDouble()).ToArray());
            }

            Assert.True(served[0].Periods[2].Weights[1] > 0.5, "the better arm should lead by period 2");

            // verdict report reads the periods from the server's audit log in the store, or from the state file.
            var asOfNow = start.AddHours(24).ToString("O", CultureInfo.InvariantCulture);
            foreach (var source in new[] { Array.Empty<string>(), ["--state", state] })
            {
                var html = Path.Combine(folder, $"report{source.Length}.html");
                var written = CliRunner.Json(["report", BriefPath, "--store", StorePath, "--out", html, "--as-of", asOfNow, "--unlocked", "--json", .. source]);
                Assert.Equal(("bandit", 2, false), (written.GetProperty("kind").GetString(), written.GetProperty("period").GetInt32(), written.TryGetProperty("decision", out _)));
                var page = File.ReadAllText(html);
                Assert.Contains("not a fixed-horizon launch test", page, StringComparison.Ordinal);
                Assert.Contains(string.Join(" / ", served[0].Periods[2].Weights.Select(w => w.ToString("0.####", CultureInfo.InvariantCulture))), page, StringComparison.Ordinal);
            }

            Assert.Equal(ExitCodes.GateFailed, CliRunner.Run("report", BriefPath, "--store", StorePath, "--out", Path.Combine(folder, "gate.html"), "--unlocked", "--fail-on-not-ship").ExitCode);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    [Fact]
    public void Report_BanditBriefOnAStoreNoServerRan_ExitsTwoAskingForTheState()
    {
        File.WriteAllText(BriefPath, File.ReadAllText(Path.Combine(RepositoryRoot.Path, "examples", "prompt-bandit", "brief.yaml")) + "\nbandit:\n  period: 1d\n");
        using (DuckDbEventStore.Open(StorePath))
        {
        }

        var (code, _, error) = CliRunner.Run("report", BriefPath, "--store", StorePath, "--out", Path.Combine(folder, "r.html"), "--unlocked");
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("--state", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "r.html")));
    }

    [Fact]
    public void BanditInit_BriefWithBanditBlockAndAFlag_ExitsTwoNamingTheFlag()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "examples", "prompt-bandit", "brief.yaml")) + "\nbandit:\n  period: 1d\n";
        File.WriteAllText(BriefPath, yaml);
        var (code, _, error) = CliRunner.Run("bandit", "init", BriefPath, "--out", Path.Combine(folder, "s.json"), "--min-weight", "0.1");
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("--min-weight", error, StringComparison.Ordinal);
        Assert.Contains("bandit block", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BanditUpdate_StateStartedWithOtherOptions_ExitsTwoNamingThem()
    {
        var plain = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "examples", "prompt-bandit", "brief.yaml"));
        File.WriteAllText(BriefPath, plain);
        var state = Path.Combine(folder, "s.json");
        Assert.Equal(0, CliRunner.Run("bandit", "init", BriefPath, "--out", state, "--min-weight", "0.1").ExitCode);
        File.WriteAllText(BriefPath, plain + "\nbandit:\n  period: 1d\n");
        using (DuckDbEventStore.Open(StorePath))
        {
        }

        var (code, _, error) = CliRunner.Run("bandit", "update", BriefPath, "--state", state, "--store", StorePath);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("min_weight", error, StringComparison.Ordinal);
    }
}
