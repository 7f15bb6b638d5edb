using Verdict.Experiments;
using Verdict.Arena.Tests.Server;
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
    public void ChatKey_SameRequest_SameKey_AndAnyFieldChangesIt()
    {
        var messages = new[] { new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.User, "hi") };
        var options = new Microsoft.Extensions.AI.ChatOptions { ModelId = "m", Temperature = 0, Seed = 1 };
        var key = ResponseCache.ChatKey("openai", "http://x/v1", messages, options);

        Assert.Equal(key, ResponseCache.ChatKey("openai", "http://x/v1", messages, options.Clone()));
        Assert.NotEqual(key, ResponseCache.ChatKey("openai", "http://y/v1", messages, options));
        Assert.NotEqual(key, ResponseCache.ChatKey("openai", "http://x/v1", messages, new Microsoft.Extensions.AI.ChatOptions { ModelId = "m", Temperature = 0, Seed = 2 }));
        Assert.Matches("^[0-9a-f]{64}$", key);
    }

    /// <summary>Everything a run concluded, at full precision, except its call counts.</summary>
    private static string Conclusions(ArenaResult result) =>
        VerdictJson.Serialize(new { result.Variants, result.Comparisons, result.Calibration, result.Gate, result.Notes });
}
