using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verdict.Client;

namespace Verdict.EndToEnd.Tests.Online;

/// <summary>The SDK on its own: polling with ETags, last known good config, a bounded queue that drops, option validation.</summary>
public sealed class SdkBehaviourTests
{
    [Fact]
    public async Task Config_IsPolledWithETag_AndPicksUpARamp()
    {
        await using var stack = await LiveStack.StartAsync(brief: yaml => LiveStack.ModelSwap(yaml).Replace("exposure: 1.0", "exposure: 0.2", StringComparison.Ordinal));
        var before = stack.Verdict.Config;
        var fetched = before.FetchedAt;
        Assert.Equal(0.2, before.Experiments["refund-query-rewrite"].Config.Exposure);

        stack.Server.Time.Advance(TimeSpan.FromSeconds(31));
        await WaitAsync(() => stack.Verdict.Config.FetchedAt > fetched.AddSeconds(30));
        Assert.Same(before, stack.Verdict.Config);

        var ramp = await stack.Server.Admin.PostAsJsonAsync("/api/v1/experiments/refund-query-rewrite/ramp", new { exposure = 0.6 }, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)ramp.StatusCode);
        stack.Server.Time.Advance(TimeSpan.FromSeconds(31));
        await WaitAsync(() => !ReferenceEquals(before, stack.Verdict.Config));
        Assert.Equal(0.6, stack.Verdict.Config.Experiments["refund-query-rewrite"].Config.Exposure);
    }

    [Fact]
    public async Task ServerDown_KeepsLastKnownGoodConfig_AndAssignsAsBefore()
    {
        await using var stack = await LiveStack.StartAsync();
        var units = Enumerable.Range(0, 200).Select(i => $"conv-{i}").ToList();
        var before = units.Select(u => stack.Verdict.Assign("refund-query-rewrite", u).ArmName).ToList();
        await stack.Server.App.StopAsync(TestContext.Current.CancellationToken);

        var config = stack.Verdict.Config;
        stack.Server.Time.Advance(TimeSpan.FromSeconds(31));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Same(config, stack.Verdict.Config);
        Assert.Equal(before, units.Select(u => stack.Verdict.Assign("refund-query-rewrite", u).ArmName));
        Assert.True(stack.Verdict.Track("conversation_solved", "conv-1", 1));
    }

    [Fact]
    public async Task Queue_Full_DropsAndCounts_NeverThrowsOrBlocks()
    {
        // A closed loopback port: nothing listens, so nothing is ever sent.
        var port = Verdict.Testing.LoopbackPort.Free();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddVerdict(o =>
        {
            o.ServerUrl = new Uri($"http://127.0.0.1:{port}");
            o.ApiKey = "vk_000000000000.none";
            o.QueueCapacity = 50;
            o.BatchSize = 50;
            o.ShutdownFlushTimeout = TimeSpan.FromMilliseconds(200);
        });
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var client = host.Services.GetRequiredService<VerdictClient>();
        var queue = host.Services.GetRequiredService<Verdict.Client.Events.EventQueue>();
        Assert.Equal("unknown", client.Assign("refund-query-rewrite", "u-1").Status);
        var accepted = Enumerable.Range(0, 500).Count(i => client.Track("conversation_solved", $"u-{i}", 1));
        Assert.InRange(accepted, 50, 100);
        Assert.Equal(500 - accepted, queue.Dropped);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Options_Invalid_FailAtStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddVerdict(o => o.ServerUrl = new Uri("http://127.0.0.1/"));
        using (var host = builder.Build())
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
            Assert.Contains("ApiKey", error.Message, StringComparison.Ordinal);
        }

        builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddVerdict(o => (o.ServerUrl, o.ApiKey, o.BatchSize) = (new Uri("ftp://127.0.0.1/"), "vk_x", 0));
        using (var host = builder.Build())
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
            Assert.Contains("ServerUrl must be an absolute http(s) URL", error.Message, StringComparison.Ordinal);
            Assert.Contains("BatchSize", error.Message, StringComparison.Ordinal);
        }
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}
