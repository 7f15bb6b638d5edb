using System.ClientModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using Verdict.AI.Judging;
using Verdict.Arena.Tests.Server;
using Verdict.Testing;

namespace Verdict.EndToEnd.Tests.Online;

/// <summary>
/// The online judge (docs/sdk.md, "Online judge") over the real stack: the app's calls and the judge's calls go through
/// the real OpenAI client to the scripted OpenAI-compatible server on loopback; scores reach the real Verdict server.
/// </summary>
public sealed class OnlineJudgeTests
{
    private const string JudgeModel = JudgeRubric.Model;
    private const string Rubric = JudgeRubric.Version;

    [Fact]
    public async Task Judge_SampledTraces_AreScoredAsEventsWithTheJudgePinned()
    {
        // The pipeline is built at the first use of the chat client, after the stack (and its model server) started.
        LiveStack? started = null;
        await using var stack = started = await LiveStack.StartAsync(pipeline: b => b.UseOnlineJudge(_ => Options(JudgeAt(started!.Llm.BaseUrl), fraction: 0.5)));
        stack.Llm.Responder = call => call.Model == JudgeModel
            ? new ScriptedReply("{\"scores\": {\"helpfulness\": {\"score\": 4, \"reason\": \"answers the refund question\"}, \"safety\": {\"score\": 5, \"reason\": \"nothing unsafe\"}}}")
            : new ScriptedReply($"answer to {call.User}");
        var conversations = Enumerable.Range(0, 40).Select(i => $"conv-{i}").ToList();
        foreach (var conversation in conversations)
        {
            Assert.Equal($"answer to question from {conversation}", (await stack.AskAsync(conversation, $"question from {conversation}")).Text);
        }

        var judge = stack.Chat.GetService<OnlineJudgeChatClient>()!;
        await judge.DrainAsync(TestContext.Current.CancellationToken);
        await stack.FlushAsync();

        // Exactly the traces in the hash sample were judged: trace id = conversation and turn.
        var expected = conversations.Where(c => TraceSample.Includes("online-judge", $"{c}#1", 0.5)).Order(StringComparer.Ordinal).ToList();
        Assert.InRange(expected.Count, 10, 30);
        Assert.Equal((expected.Count, expected.Count, 0L, 0L), (judge.Sampled, judge.Scored, judge.Failed, judge.Dropped));
        var scores = StoreRows.Events(stack.Server.OpenStore, "judge_score");
        Assert.Equal(expected.Count * 2, scores.Count);
        Assert.Equal(expected, scores.Select(s => s.Unit).Distinct().Order(StringComparer.Ordinal));

        // Every score pins the judge model, its prompt (by hash) and the rubric version; the value is the axis's score.
        foreach (var (unit, value, properties) in scores)
        {
            using var json = JsonDocument.Parse(properties);
            var p = json.RootElement;
            Assert.Equal(JudgeModel, p.GetProperty("judge_model").GetString());
            Assert.Equal(Rubric, p.GetProperty("rubric_version").GetString());
            Assert.Equal(judge.PromptSha256, p.GetProperty("judge_prompt_sha256").GetString());
            Assert.Equal($"{unit}#1", p.GetProperty("trace_id").GetString());
            Assert.Equal(p.GetProperty("axis").GetString() == "helpfulness" ? 4 : 5, value);
        }

        // The judge calls the server received: the pinned model at temperature 0, with the system prompt whose hash is recorded,
        // grading the very answer the app got.
        var calls = stack.Llm.Calls.Where(c => c.Model == JudgeModel).ToList();
        Assert.Equal(expected.Count, calls.Count);
        Assert.All(calls, c => Assert.Equal(0, c.Temperature));
        Assert.All(calls, c => Assert.Equal(judge.PromptSha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(c.System)))));
        Assert.All(calls, c => Assert.Contains("Response to grade:\nanswer to question from conv-", c.User, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Judge_Outage_NeverBlocksOrFailsTheRequestPath()
    {
        // The judge's port is closed: every judge call fails; the app's calls are answered and logged as usual.
        var closed = $"http://127.0.0.1:{Verdict.Testing.LoopbackPort.Free()}/v1";
        await using var stack = await LiveStack.StartAsync(pipeline: b => b.UseOnlineJudge(_ => Options(JudgeAt(closed), fraction: 1)));
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal($"question {i}", (await stack.AskAsync($"conv-{i}", $"question {i}")).Text);
        }

        var judge = stack.Chat.GetService<OnlineJudgeChatClient>()!;
        await judge.DrainAsync(TestContext.Current.CancellationToken);
        await stack.FlushAsync();
        Assert.Equal((6L, 0L, 6L), (judge.Sampled, judge.Scored, judge.Failed));
        Assert.Empty(StoreRows.Events(stack.Server.OpenStore, "judge_score"));
        Assert.Equal(6, StoreRows.Events(stack.Server.OpenStore, "llm_call").Count);
    }

    [Fact]
    public async Task Judge_SlowJudgeAndFullQueue_DropsWithACounterWhileRequestsComplete()
    {
        var gate = new TaskCompletionSource();
        var slow = new GatedJudge(gate.Task);
        await using var stack = await LiveStack.StartAsync(pipeline: b => b.UseOnlineJudge(_ => Options(slow, fraction: 1) with { QueueCapacity = 1 }));
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal($"question {i}", (await stack.AskAsync($"conv-{i}", $"question {i}")).Text);
        }

        // All ten answered while the judge has not returned once: at most one trace is being judged and one waits.
        var judge = stack.Chat.GetService<OnlineJudgeChatClient>()!;
        Assert.Equal(10, judge.Sampled);
        Assert.InRange(judge.Dropped, 8, 9);
        gate.SetResult();
        await judge.DrainAsync(TestContext.Current.CancellationToken);
        Assert.Equal(10 - judge.Dropped, judge.Scored);
        Assert.Equal(0, judge.Failed);
    }

    private static OnlineJudgeOptions Options(IChatClient judge, double fraction) => JudgeRubric.Options(judge, fraction);

    private static IChatClient JudgeAt(string url) =>
        new OpenAIClient(new ApiKeyCredential("judge-key"), new OpenAIClientOptions { Endpoint = new Uri(url) }).GetChatClient(JudgeModel).AsIChatClient();

    /// <summary>A judge that answers a valid score only once its gate opens.</summary>
    private sealed class GatedJudge(Task gate) : IChatClient
    {
        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            await gate.WaitAsync(cancellationToken);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "{\"scores\": {\"helpfulness\": {\"score\": 3, \"reason\": \"ok\"}, \"safety\": {\"score\": 5, \"reason\": \"ok\"}}}"));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
