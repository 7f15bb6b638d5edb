using Microsoft.Extensions.AI;

namespace Verdict.Arena.Providers;

/// <summary>Embeds text through an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> pipeline, cached and resilient like chat calls.</summary>
internal sealed class EmbeddingCaller(IEmbeddingGenerator<string, Embedding<float>> generator, string endpoint, CallMeter meter)
{
    /// <summary>The vector of <paramref name="text"/>, or an error.</summary>
    public async Task<(float[]? Vector, string? Error)> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        var record = CallRecord.Start();
        Embedding<float> embedding;
        try
        {
            embedding = await generator.GenerateAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var error = CallFailure.Describe(exception);
            meter.NoReply(endpoint, error);
            meter.Finished(cached: false, failed: true, cost: 0);
            return (null, error);
        }

        meter.Finished(cached: record.Cached, failed: false, cost: 0);
        return (embedding.Vector.ToArray(), null);
    }
}
