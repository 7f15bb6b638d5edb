using Microsoft.Extensions.AI;
using Verdict.Arena.Analysis;
using Verdict.Arena.Providers;
using Verdict.Arena.Running;
using Verdict.Arena.Tests.Server;
using Verdict.Experiments.Json;
using Verdict.Testing;
using Xunit;

namespace Verdict.Arena.Tests;

public sealed class CacheTests
{
    [Fact]
    public async Task RunAsync_SecondRunWithWarmCache_MakesNoCallsAndGivesIdenticalResults()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl), SeedDuel.GoldenJsonl());
        var token = TestContext.Current.CancellationToken;

        var first = ArenaAnalyzer.Analyze(await ArenaRunner.RunAsync(spec, directory.Options(), token));
        var callsAfterFirst = server.ChatCalls;
        var second = ArenaAnalyzer.Analyze(await ArenaRunner.RunAsync(spec, directory.Options(), token));

        Assert.Equal(30, callsAfterFirst);
        Assert.Equal(callsAfterFirst, server.ChatCalls);
        Assert.Equal(30, second.Calls.CacheHits);
        Assert.Equal(0, second.Calls.NetworkCalls);
        Assert.Equal(Conclusions(first), Conclusions(second));
        Assert.Equal(first.Run.Cases.Select(c => c.Of("A").Reply.LatencyMs), second.Run.Cases.Select(c => c.Of("A").Reply.LatencyMs));
    }

    [Fact]
    public async Task RunAsync_ChangedPrompt_MissesTheCache()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        using var directory = new ArenaDirectory();
        var token = TestContext.Current.CancellationToken;
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl, evaluators: "  - kind: json"), SeedDuel.GoldenJsonl());
        await ArenaRunner.RunAsync(spec, directory.Options(), token);
        var changed = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl, evaluators: "  - kind: json").Replace("prompt_version: b-v1", "prompt_version: b-v1\n    temperature: 0.5", StringComparison.Ordinal), SeedDuel.GoldenJsonl());

        var run = await ArenaRunner.RunAsync(changed, directory.Options(), token);

        Assert.Equal(5, run.Progress.NetworkCalls);
        Assert.Equal(5, run.Progress.CacheHits);
    }

    [Fact]
    public void Key_SameRequest_SameKey_AndEndpointModelOrSeedChangesIt()
    {
        using var directory = new ArenaDirectory();
        var storage = new FileDistributedCache(directory.Cache);
        using var inner = new UnusedChatClient();
        string Key(string endpoint, ChatOptions options) =>
            new ArenaChatCache(inner, storage, "openai", endpoint, accept: null).Key([new ChatMessage(ChatRole.User, "hi")], options);
        var options = new ChatOptions { ModelId = "m", Temperature = 0, Seed = 1 };
        var key = Key("http://x/v1", options);

        Assert.Equal(key, Key("http://x/v1", options.Clone()));
        Assert.NotEqual(key, Key("http://y/v1", options));
        Assert.NotEqual(key, Key("http://x/v1", new ChatOptions { ModelId = "other", Temperature = 0, Seed = 1 }));
        Assert.NotEqual(key, Key("http://x/v1", new ChatOptions { ModelId = "m", Temperature = 0, Seed = 2 }));
        Assert.Matches("^[0-9a-f]{64}$", Path.GetFileNameWithoutExtension(storage.PathOf(key)));
    }

    [Fact]
    public async Task RunAsync_MalformedJudgeReply_IsNeitherCachedNorServed()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        var malformed = 0;
        server.Responder = call => call.System.Contains("grading one response", StringComparison.Ordinal) && Interlocked.Increment(ref malformed) == 1
            ? new ScriptedReply("not json")
            : SeedDuel.Respond(call);
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl), """{"id":"q1","input":"My package hasn't arrived. It's been 8 days."}""" + "\n");
        var token = TestContext.Current.CancellationToken;
        await ArenaRunner.RunAsync(spec, directory.Options(concurrency: 1), token);

        var second = await ArenaRunner.RunAsync(spec, directory.Options(concurrency: 1), token);

        // 2 generations + 2 rubric + 2 pairwise replies were cached; the malformed one was asked again, not kept.
        Assert.Equal(7, server.ChatCalls);
        Assert.Equal(6, second.Progress.CacheHits);
        Assert.All(second.Cases[0].Variants, v => Assert.NotNull(v.Rubric));
    }

    /// <summary>Everything a run concluded, at full precision, except its call counts.</summary>
    private static string Conclusions(ArenaResult result) =>
        VerdictJson.Serialize(new { result.Variants, result.Comparisons, result.Calibration, result.Gate, result.Notes });
}
