namespace Verdict.Arena;

/// <summary>Gets replies for requests: from a live endpoint through cache and retries, or from a replay file.</summary>
internal interface IModelCaller
{
    /// <summary>
    /// Gets a reply; when <paramref name="accept"/> rejects a reply (a malformed judge answer) it is not cached and the
    /// call is retried up to <paramref name="maxAttempts"/> times, then recorded as an error.
    /// </summary>
    Task<ModelReply> CallAsync(CallRequest request, Func<string, bool>? accept = null, int maxAttempts = 1, CancellationToken cancellationToken = default);
}
