using Verdict.Arena.Analysis;
using Verdict.Arena.Running;
using Verdict.Arena.Tests.Server;
using Xunit;

namespace Verdict.Arena.Tests;

/// <summary>The <c>ollama</c> provider: OllamaSharp over HTTP to the loopback server's native /api/chat and /api/embed.</summary>
public sealed class OllamaProviderTests
{
    private static string Ollama(ScriptedOpenAIServer server, string evaluators = SeedDuel.DefaultEvaluators) =>
        SeedDuel.ArenaYaml(server.BaseUrl, evaluators: evaluators)
            .Replace($"endpoint: {server.BaseUrl}", $"provider: ollama\n    endpoint: {server.OllamaUrl}", StringComparison.Ordinal)
            .Replace($"  provider: ollama\n    endpoint: {server.OllamaUrl}\n  model: judge-model", $"  provider: ollama\n  endpoint: {server.OllamaUrl}\n  model: judge-model", StringComparison.Ordinal);

    [Fact]
    public async Task RunAsync_SeedDuelOverOllama_ReproducesTheDuel()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(Ollama(server), SeedDuel.GoldenJsonl());

        var result = ArenaAnalyzer.Analyze(await ArenaRunner.RunAsync(spec, directory.Options(), TestContext.Current.CancellationToken));

        Assert.Equal(30, server.ChatCalls);
        Assert.Equal([3.4, 3.2, 1.0], result.Variants[0].Metrics.Select(m => Math.Round(m.Mean, 10)));
        var duel = result.Comparisons.Single().Pairwise!;
        Assert.Equal((4, 0, 1), (duel.Wins, duel.Losses, duel.Ties));
        var options = server.Calls.First(c => c.System == SeedDuel.PromptA).Body.GetProperty("options");
        Assert.Equal((0.0, 42L), (options.GetProperty("temperature").GetDouble(), options.GetProperty("seed").GetInt64()));
    }

    [Fact]
    public async Task RunAsync_Ollama503ThenSuccess_Retries()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        server.Enqueue(ScriptedReply.Error(503));
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(Ollama(server, "  - kind: json"), """{"id":"q1","input":"My package hasn't arrived. It's been 8 days."}""" + "\n");

        var run = await ArenaRunner.RunAsync(spec, directory.Options(concurrency: 1), TestContext.Current.CancellationToken);

        Assert.Equal(3, server.ChatCalls);
        Assert.Equal(1, run.Progress.Retries);
        Assert.All(run.Cases[0].Variants, v => Assert.True(v.Reply.Succeeded, v.Reply.Error));
    }
}
