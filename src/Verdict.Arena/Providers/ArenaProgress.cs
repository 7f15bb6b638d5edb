namespace Verdict.Arena.Providers;

/// <summary>Progress of a run: what a progress bar shows.</summary>
/// <param name="Planned">Calls the run will need (model, judge and embedding).</param>
/// <param name="Done">Calls finished, from the network, the cache or a replay.</param>
/// <param name="NetworkCalls">HTTP calls made (retries included).</param>
/// <param name="CacheHits">Calls served from the cache.</param>
/// <param name="Retries">Retries after 429, 5xx, timeouts or malformed judge replies.</param>
/// <param name="Errors">Calls that ended without a usable reply.</param>
/// <param name="Spend">Money spent on calls made now.</param>
/// <param name="Unreachable">Calls that got no reply at all from their endpoint after retries (network, timeout, HTTP error): an infrastructure failure, not a quality result.</param>
/// <param name="FirstUnreachable">The first such call's endpoint and error.</param>
public sealed record ArenaProgress(long Planned, long Done, long NetworkCalls, long CacheHits, long Retries, long Errors, double Spend, long Unreachable = 0, string? FirstUnreachable = null);
