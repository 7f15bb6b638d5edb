using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;

namespace Verdict.Arena.Providers;

/// <summary>
/// Microsoft.Extensions.AI's embedding cache as the arena uses it: keyed by the text plus the provider, endpoint and
/// model (the request carries no options, so the model is added explicitly); a hit is noted in the <see cref="CallRecord"/>.
/// </summary>
internal sealed class ArenaEmbeddingCache : DistributedCachingEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Wraps <paramref name="inner"/> with a cache in <paramref name="storage"/>.</summary>
    public ArenaEmbeddingCache(IEmbeddingGenerator<string, Embedding<float>> inner, IDistributedCache storage, string provider, string endpoint, string model)
        : base(inner, storage) => CacheKeyAdditionalValues = [provider, endpoint, model];

    protected override async Task<Embedding<float>?> ReadCacheAsync(string key, CancellationToken cancellationToken)
    {
        var embedding = await base.ReadCacheAsync(key, cancellationToken).ConfigureAwait(false);
        if (embedding is not null && CallRecord.Current is { } record)
        {
            record.Cached = true;
        }

        return embedding;
    }
}
