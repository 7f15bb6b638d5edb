using System.Net.Http.Json;
using System.Text.Json;
using Verdict.Client.Wire;
using Verdict.Testing;

namespace Verdict.Server.Tests.Bandits;

/// <summary>The prompt-bandit example made a served bandit: a one-hour reward window and a daily schedule.</summary>
internal static class BanditServing
{
    public const string Key = "prompt-bandit";

    public static readonly double[] TrueRates = [0.45, 0.75];

    /// <summary>The example brief with a one-hour reward window and a bandit block (daily, quarter cohorts, 30 rewards per arm).</summary>
    public static string Brief(string block = "bandit:\n  period: 1d\n  enrollment_per_period: 0.25\n  min_sample: 30\n  min_weight: 0.05\n")
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "examples", "prompt-bandit", "brief.yaml"));
        return yaml.Replace("within: 1d", "within: 1h", StringComparison.Ordinal) + "\n" + block;
    }

    /// <summary>Creates and starts the bandit on <paramref name="server"/>.</summary>
    public static async Task CreateAndStartAsync(ServerHarness server, string? brief = null)
    {
        var created = await server.Admin.PostAsJsonAsync("/api/v1/experiments", new { brief = brief ?? Brief(), files = new Dictionary<string, string>(), reason = "bandit" }, TestContext.Current.CancellationToken);
        Assert.Equal(201, (int)created.StatusCode);
        var started = await server.Admin.PostAsJsonAsync($"/api/v1/experiments/{Key}/start", new { reason = "go" }, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)started.StatusCode);
    }

    /// <summary>The served config and its ETag.</summary>
    public static async Task<(ExperimentConfig Experiment, string ETag)> ConfigAsync(ServerHarness server)
    {
        using var response = await server.Sdk.GetAsync("/api/v1/config", TestContext.Current.CancellationToken);
        var config = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), WireJson.Default.SdkConfig)!;
        return (config.Experiments.Single(e => e.Key == Key), response.Headers.ETag!.Tag);
    }
}
