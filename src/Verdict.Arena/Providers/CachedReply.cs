namespace Verdict.Arena;

/// <summary>What the cache keeps of one chat reply.</summary>
/// <param name="Text">Reply text.</param>
/// <param name="InputTokens">Input tokens.</param>
/// <param name="OutputTokens">Output tokens.</param>
/// <param name="LatencyMs">Latency when it was made.</param>
/// <param name="ModelId">Model id the provider reported.</param>
public sealed record CachedReply(string Text, long InputTokens, long OutputTokens, double LatencyMs, string? ModelId);
