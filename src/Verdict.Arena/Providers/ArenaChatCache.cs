using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;

namespace Verdict.Arena.Providers;

/// <summary>
/// Microsoft.Extensions.AI's caching middleware as the arena uses it: the key is M.E.AI's hash of the messages and the
/// options (model id, temperature, top-p, max tokens, seed, response format) plus the provider and endpoint; a reply
/// <see cref="Accept"/> rejects (a malformed judge answer) is neither written nor served; the recorded latency is kept
/// with the reply, so a re-run reads the very latencies of the first; a hit is noted in the <see cref="CallRecord"/>.
/// </summary>
internal sealed class ArenaChatCache : DistributedCachingChatClient
{
    private const string LatencyProperty = "verdict_latency_ms";

    /// <summary>Wraps <paramref name="inner"/> with a cache in <paramref name="storage"/> for calls to <paramref name="endpoint"/>.</summary>
    public ArenaChatCache(IChatClient inner, IDistributedCache storage, string provider, string endpoint, Func<string, bool>? accept)
        : base(inner, storage)
    {
        CacheKeyAdditionalValues = [provider, endpoint];
        Accept = accept;
    }

    /// <summary>Which replies may be cached and served; null accepts every reply.</summary>
    public Func<string, bool>? Accept { get; }

    /// <summary>The key of a request (for tests and the docs' claims about what the key covers).</summary>
    public string Key(IEnumerable<ChatMessage> messages, ChatOptions? options) => GetCacheKey(messages, options);

    protected override async Task<ChatResponse?> ReadCacheAsync(string key, CancellationToken cancellationToken)
    {
        var response = await base.ReadCacheAsync(key, cancellationToken).ConfigureAwait(false);
        if (response is null || (Accept is not null && !Accept(response.Text)))
        {
            return null;
        }

        if (CallRecord.Current is { } record)
        {
            record.Cached = true;
            record.LatencyMs = response.AdditionalProperties?.TryGetValue(LatencyProperty, out var value) == true && value is JsonElement { ValueKind: JsonValueKind.Number } number
                ? number.GetDouble()
                : double.NaN;
        }

        return response;
    }

    protected override Task WriteCacheAsync(string key, ChatResponse value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Accept is not null && !Accept(value.Text))
        {
            return Task.CompletedTask;
        }

        if (CallRecord.Current is { LatencyMs: var latency } && double.IsFinite(latency))
        {
            (value.AdditionalProperties ??= [])[LatencyProperty] = latency;
        }

        return base.WriteCacheAsync(key, value, cancellationToken);
    }
}
