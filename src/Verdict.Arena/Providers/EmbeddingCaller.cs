using Microsoft.Extensions.AI;

namespace Verdict.Arena;

/// <summary>Embeds text through an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>, cached and resilient like chat calls.</summary>
internal sealed class EmbeddingCaller(
    IEmbeddingGenerator<string, Embedding<float>> generator,
    string provider,
    string endpoint,
    string model,
    ResponseCache? cache,
    ResilientCall resilient,
    CallMeter meter)
{
    /// <summary>The vector of <paramref name="text"/>, or an error.</summary>
    public async Task<(float[]? Vector, string? Error)> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        var key = ResponseCache.EmbeddingKey(provider, endpoint, model, text);
        if (cache?.TryGet<float[]>(key) is { } hit)
        {
            meter.Finished(cached: true, failed: false, cost: 0);
            return (hit, null);
        }

        var (embedding, _, _, error) = await resilient.RunAsync(
            token => generator.GenerateAsync(text, cancellationToken: token), cancellationToken).ConfigureAwait(false);
        if (embedding is null)
        {
            meter.NoReply(endpoint, error!);
            meter.Finished(cached: false, failed: true, cost: 0);
            return (null, error);
        }

        var vector = embedding.Vector.ToArray();
        cache?.Put(key, vector);
        meter.Finished(cached: false, failed: false, cost: 0);
        return (vector, null);
    }
}
