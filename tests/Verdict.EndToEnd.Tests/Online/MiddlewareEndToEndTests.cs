using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Verdict.AI;

namespace Verdict.EndToEnd.Tests.Online;

/// <summary>Server + SDK + middleware + the real OpenAI client against a loopback model server: what is served and what is stored.</summary>
public sealed class MiddlewareEndToEndTests
{
    [Theory]
    [MemberData(nameof(Verdict.Server.Tests.ServerHarness.Engines), MemberType = typeof(Verdict.Server.Tests.ServerHarness))]
    public async Task Conversations_EveryTurnCarriesOneArm_AndTheStoreHoldsTheBriefsReceipts(string engine)
    {
        await using var stack = await LiveStack.StartAsync(engine);
        var config = stack.Verdict.Config.Experiments["refund-query-rewrite"].Config;
        var conversations = Enumerable.Range(0, 24).Select(i => $"conv-{i:00}").ToList();
        foreach (var turn in new[] { "I want a refund", "It arrived broken", "Thanks" })
        {
            foreach (var conversation in conversations)
            {
                var answer = await stack.AskAsync(conversation, turn);
                Assert.Equal(turn, answer.Text);
            }
        }

        // What the model server was asked: each conversation's three turns went to its arm's model, greedy.
        var calls = stack.Llm.Calls.ToList();
        Assert.Equal(72, calls.Count);
        Assert.All(calls, c => Assert.Equal(0.0, c.Temperature));
        var models = calls.Select(c => c.Model).Distinct().Order().ToList();
        Assert.Equal(["support-generator-v7", "support-generator-v8"], models);

        await stack.FlushAsync();
        var exposures = StoreRows.Exposures(stack.Server.OpenStore);
        Assert.Equal(conversations, exposures.Select(e => e.Unit));
        foreach (var (unit, arm, receipt) in exposures)
        {
            Assert.Equal(config.Arms.Single(a => a.Name == arm).ReceiptHash, receipt);
        }

        var receiptHashes = config.Arms.ToDictionary(a => a.Name, a => a.ReceiptHash);
        Assert.Equal(Verdict.Experiments.Briefs.ReceiptHash.Of(stack.Server.Registry.Brief("refund-query-rewrite", 1)!.Arms[1].Receipt), receiptHashes["treatment"]);

        var calls2 = StoreRows.Events(stack.Server.OpenStore, "llm_call");
        Assert.Equal(72, calls2.Count);
        var armOf = exposures.ToDictionary(e => e.Unit, e => e.Arm);
        foreach (var (unit, latency, properties) in calls2)
        {
            using var json = JsonDocument.Parse(properties);
            var p = json.RootElement;
            var arm = p.GetProperty("arm").GetString()!;
            Assert.Equal(armOf[unit], arm);
            var model = arm == "control" ? "support-generator-v7" : "support-generator-v8";
            Assert.Equal(model, p.GetProperty("model").GetString());
            Assert.Equal(ClockAdvancingChatClient.Total.TotalMilliseconds, latency);
            Assert.Equal("10", p.GetProperty("input_tokens").ToString());
            Assert.Equal("20", p.GetProperty("output_tokens").ToString());
            var expectedCost = LiveStack.Prices[model].Cost(10, 20);
            Assert.Equal(expectedCost, double.Parse(p.GetProperty("cost_usd").ToString(), System.Globalization.CultureInfo.InvariantCulture), 12);
        }
    }

    [Fact]
    public async Task Cost_WithoutMiddlewarePrices_ComesFromTheBriefsPrices()
    {
        const string Prices = "prices:\n  support-generator-v7: {input_per_million: 1, output_per_million: 2}\n  support-generator-v8: {input_per_million: 3, output_per_million: 4}\nsecondary_metrics:";
        await using var stack = await LiveStack.StartAsync(
            middleware: o => o with { Prices = new Dictionary<string, ModelPrice>() },
            brief: yaml => LiveStack.ModelSwap(yaml).Replace("secondary_metrics:", Prices, StringComparison.Ordinal));
        Assert.Equal(new Verdict.Client.Wire.PriceConfig(3, 4), stack.Verdict.Config.Experiments["refund-query-rewrite"].Config.Prices!["support-generator-v8"]);
        foreach (var conversation in new[] { "conv-p1", "conv-p2", "conv-p3", "conv-p4" })
        {
            await stack.AskAsync(conversation, "refund?");
        }

        await stack.FlushAsync();
        var calls = StoreRows.Events(stack.Server.OpenStore, "llm_call");
        Assert.Equal(4, calls.Count);
        foreach (var (_, _, properties) in calls)
        {
            var p = JsonDocument.Parse(properties).RootElement;
            var expected = p.GetProperty("model").GetString() == "support-generator-v7" ? new ModelPrice(1, 2).Cost(10, 20) : new ModelPrice(3, 4).Cost(10, 20);
            Assert.Equal(expected, double.Parse(p.GetProperty("cost_usd").ToString(), System.Globalization.CultureInfo.InvariantCulture), 12);
        }
    }

    [Fact]
    public async Task Streaming_LogsTimeToFirstTokenAndUsage()
    {
        await using var stack = await LiveStack.StartAsync();
        var text = new System.Text.StringBuilder();
        await foreach (var update in stack.Chat.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "where is my refund please")], new ChatOptions { ConversationId = "conv-s" }, TestContext.Current.CancellationToken))
        {
            text.Append(update.Text);
        }

        Assert.Equal("where is my refund please", text.ToString());
        await stack.FlushAsync();
        var (_, latency, properties) = Assert.Single(StoreRows.Events(stack.Server.OpenStore, "llm_call"));
        using var json = JsonDocument.Parse(properties);
        var ttft = double.Parse(json.RootElement.GetProperty("ttft_ms").ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((ClockAdvancingChatClient.FirstToken.TotalMilliseconds, ClockAdvancingChatClient.Total.TotalMilliseconds), (ttft, latency!.Value));
        Assert.Equal("true", json.RootElement.GetProperty("streaming").GetString());
        Assert.Equal("20", json.RootElement.GetProperty("output_tokens").ToString());
    }

    [Fact]
    public async Task Call_WithoutAUnit_PassesThroughUntouchedAndUnlogged()
    {
        await using var stack = await LiveStack.StartAsync();
        var answer = await stack.Chat.GetResponseAsync([new ChatMessage(ChatRole.User, "hello")], new ChatOptions { Temperature = 0.7f }, TestContext.Current.CancellationToken);
        Assert.Equal("hello", answer.Text);
        var call = Assert.Single(stack.Llm.Calls);
        Assert.Equal(("app-default-model", 0.7), (call.Model, Math.Round(call.Temperature!.Value, 3)));
        await stack.FlushAsync();
        Assert.Empty(StoreRows.Exposures(stack.Server.OpenStore));
        Assert.Empty(StoreRows.Events(stack.Server.OpenStore, "llm_call"));
    }

    [Fact]
    public async Task ModelError_IsLoggedAsAnErrorEvent_AndRethrown()
    {
        await using var stack = await LiveStack.StartAsync();
        stack.Llm.Enqueue(Verdict.Arena.Tests.Server.ScriptedReply.Error(400));
        await Assert.ThrowsAnyAsync<Exception>(() => stack.AskAsync("conv-e", "hi"));
        await stack.FlushAsync();
        var (_, _, properties) = Assert.Single(StoreRows.Events(stack.Server.OpenStore, "llm_call"));
        Assert.NotEqual(string.Empty, JsonDocument.Parse(properties).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Activity_IsTaggedWithExperimentVersionAndArm()
    {
        await using var stack = await LiveStack.StartAsync();
        using var source = new ActivitySource("Verdict.AI.Tests");
        using var listener = new ActivityListener { ShouldListenTo = s => s.Name == "Verdict.AI.Tests", Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded };
        ActivitySource.AddActivityListener(listener);
        using var activity = source.StartActivity("request")!;
        await stack.AskAsync("conv-t", "hi");
        var expected = stack.Verdict.Assign("refund-query-rewrite", "conv-t").ArmName;
        Assert.Equal(("refund-query-rewrite", (object?)1, expected), ((string?)activity.GetTagItem("verdict.experiment"), activity.GetTagItem("verdict.experiment.version"), (string?)activity.GetTagItem("verdict.arm")));
    }
}
