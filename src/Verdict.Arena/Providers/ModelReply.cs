namespace Verdict.Arena.Providers;

/// <summary>One model or judge reply, as measured: text, tokens, latency, what decoding was used and whether it was cached.</summary>
/// <param name="Text">The reply text; empty when <paramref name="Error"/> is set.</param>
/// <param name="InputTokens">Input tokens reported by the provider.</param>
/// <param name="OutputTokens">Output tokens reported by the provider.</param>
/// <param name="LatencyMs">Latency of the successful attempt in milliseconds (as recorded when it was made).</param>
/// <param name="Cost">Cost from the variant's prices.</param>
/// <param name="Cached">True when served from the cache or a replay file, so no call was made now.</param>
/// <param name="ModelId">Model id the provider reported.</param>
/// <param name="Temperature">Temperature actually requested.</param>
/// <param name="Seed">Seed actually requested.</param>
/// <param name="Attempts">Attempts made (retries included).</param>
/// <param name="Error">Why no usable reply was obtained, if so.</param>
public sealed record ModelReply(
    string Text,
    long InputTokens,
    long OutputTokens,
    double LatencyMs,
    double Cost,
    bool Cached,
    string? ModelId,
    double? Temperature,
    long? Seed,
    int Attempts,
    string? Error = null)
{
    /// <summary>True when the reply can be scored.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A failed call.</summary>
    public static ModelReply Failed(string error, int attempts, double? temperature = null, long? seed = null) =>
        new("", 0, 0, double.NaN, 0, false, null, temperature, seed, attempts, error);
}
