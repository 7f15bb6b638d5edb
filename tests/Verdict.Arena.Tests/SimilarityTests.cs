using Verdict.Arena.Analysis;
using Verdict.Arena.Evaluation;
using Verdict.Arena.Running;
using Verdict.Arena.Tests.Server;
using Xunit;

namespace Verdict.Arena.Tests;

public sealed class SimilarityTests
{
    [Fact]
    public async Task RunAsync_Similarity_EmbedsOverHttpAndCachesVectors()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        using var directory = new ArenaDirectory();
        var evaluators = $"  - kind: similarity\n    threshold: 0.9\n    embedding: {{endpoint: '{server.BaseUrl}', model: embed-model}}";
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl, evaluators: evaluators), SeedDuel.GoldenJsonl());
        var token = TestContext.Current.CancellationToken;

        var result = ArenaAnalyzer.Analyze(await ArenaRunner.RunAsync(spec, directory.Options(), token));
        var embeddingsAfterFirst = server.EmbeddingCalls;
        await ArenaRunner.RunAsync(spec, directory.Options(), token);

        // The reference is B's output, so B's similarity is exactly 1 and A's lower.
        var b = result.Variants.Single(v => v.Name == "B").Metrics.Single(m => m.Metric == "similarity");
        var a = result.Variants.Single(v => v.Name == "A").Metrics.Single(m => m.Metric == "similarity");
        Assert.Equal(1.0, b.Mean, 6);
        Assert.True(a.Mean < 0.95);
        Assert.True(embeddingsAfterFirst > 0);
        Assert.Equal(embeddingsAfterFirst, server.EmbeddingCalls);
    }

    [Fact]
    public void Cosine_KnownVectors()
    {
        Assert.Equal(1.0, SimilarityScore.Cosine([1f, 2f], [2f, 4f]), 12);
        Assert.Equal(0.0, SimilarityScore.Cosine([1f, 0f], [0f, 3f]), 12);
        Assert.True(double.IsNaN(SimilarityScore.Cosine([0f, 0f], [1f, 1f])));
    }
}
