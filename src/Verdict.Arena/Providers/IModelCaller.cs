namespace Verdict.Arena.Providers;

/// <summary>
/// Gets replies for requests: from a live endpoint through cache and resilience, or from a replay file. A caller built
/// with a <see cref="ReplyCheck"/> never returns a reply the check rejects: it asks again, then records an error.
/// </summary>
internal interface IModelCaller
{
    /// <summary>Gets a reply, or a failed reply saying why there is none.</summary>
    Task<ModelReply> CallAsync(CallRequest request, CancellationToken cancellationToken = default);
}
