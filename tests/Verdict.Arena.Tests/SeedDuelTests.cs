using Verdict.Arena.Analysis;
using Verdict.Arena.Running;
using Verdict.Arena.Tests.Server;
using Xunit;

namespace Verdict.Arena.Tests;

/// <summary>Seed 001's five-question duel, end to end over HTTP with the real Microsoft.Extensions.AI OpenAI client.</summary>
public sealed class SeedDuelTests
{
    [Fact]
    public async Task RunAsync_SeedDuel_ReproducesRubricMeansAndWinRate()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl), SeedDuel.GoldenJsonl());

        var result = ArenaAnalyzer.Analyze(await ArenaRunner.RunAsync(spec, directory.Options(), TestContext.Current.CancellationToken));

        // 5 questions × (2 generations + 2 rubric judgements + 2 pairwise orders).
        Assert.Equal(30, server.ChatCalls);
        var a = result.Variants.Single(v => v.Name == "A").Metrics.Select(m => m.Mean).ToArray();
        var b = result.Variants.Single(v => v.Name == "B").Metrics.Select(m => m.Mean).ToArray();
        Assert.Equal([3.4, 3.2, 1.0], a.Select(x => Math.Round(x, 10)));
        // The seed's rows give B's policy citation 23/5 = 4.6 (its average row prints 4.8).
        Assert.Equal([4.2, 4.2, 4.6], b.Select(x => Math.Round(x, 10)));
        var duel = result.Comparisons.Single().Pairwise!;
        Assert.Equal((4, 0, 1, 0), (duel.Wins, duel.Losses, duel.Ties, duel.PositionInconsistent));
        Assert.Equal(0.9, duel.WinRate, 12);
    }

    [Fact]
    public async Task RunAsync_SeedDuel_RequestsAndRecordsDeterministicDecoding()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl), SeedDuel.GoldenJsonl());

        var run = await ArenaRunner.RunAsync(spec, directory.Options(), TestContext.Current.CancellationToken);

        var generations = server.Calls.Where(c => c.System == SeedDuel.PromptA || c.System == SeedDuel.PromptB).ToList();
        Assert.All(generations, c => Assert.Equal((0.0, 42L), (c.Temperature, c.Seed)));
        Assert.All(server.Calls.Except(generations), c => Assert.Equal(7L, c.Seed));
        var reply = run.Cases[0].Of("B").Reply;
        Assert.Equal((0.0, 42L, "test-model"), ((double)reply.Temperature!, (long)reply.Seed!, reply.ModelId));
    }

    [Fact]
    public async Task RunAsync_SeedDuel_PairedDifferencesAndSampleSize()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl), SeedDuel.GoldenJsonl());

        var result = ArenaAnalyzer.Analyze(await ArenaRunner.RunAsync(spec, directory.Options(), TestContext.Current.CancellationToken));

        var policy = result.Comparisons.Single().Axes.Single(a => a.Metric == "policy_citation");
        Assert.Equal(3.6, policy.MeanDifference, 12);
        Assert.True(policy.CiLow > 0);
        Assert.InRange(policy.AdjustedPValue, policy.PValue, 1);
        Assert.True(policy.CasesNeeded > 5, "five cases cannot detect a half-point difference");
        Assert.Contains(result.Notes, n => n.Contains("screening signal", StringComparison.Ordinal));
    }
}
