using Microsoft.Extensions.AI;

namespace Verdict.Arena;

/// <summary>
/// Calls a live <see cref="IChatClient"/>: cache first, then at most <c>limiter</c>'s count of calls in flight, a
/// per-attempt timeout, retries with backoff on transient failures, and strict acceptance of judge replies.
/// </summary>
internal sealed class ChatModelCaller(
    IChatClient client,
    string provider,
    string endpoint,
    PriceSpec price,
    ResponseCache? cache,
    ResilientCall resilient,
    CallMeter meter) : IModelCaller
{
    public async Task<ModelReply> CallAsync(CallRequest request, Func<string, bool>? accept = null, int maxAttempts = 1, CancellationToken cancellationToken = default)
    {
        var options = request.Options;
        var key = ResponseCache.ChatKey(provider, endpoint, request.Messages, options);
        if (cache?.TryGet<CachedReply>(key) is { } hit && (accept is null || accept(hit.Text)))
        {
            meter.Finished(cached: true, failed: false, cost: 0);
            return new ModelReply(hit.Text, hit.InputTokens, hit.OutputTokens, hit.LatencyMs, price.Cost(hit.InputTokens, hit.OutputTokens),
                true, hit.ModelId, options.Temperature, options.Seed, 0);
        }

        var attempts = 0;
        double spent = 0;
        for (var judgement = 1; judgement <= Math.Max(1, maxAttempts); judgement++)
        {
            var (response, latency, tries, error) = await resilient.RunAsync(token => client.GetResponseAsync(request.Messages, request.Options, token), cancellationToken).ConfigureAwait(false);
            attempts += tries;
            if (response is null)
            {
                meter.NoReply(endpoint, error!);
                meter.Finished(cached: false, failed: true, cost: spent);
                return ModelReply.Failed(error!, attempts, options.Temperature, options.Seed);
            }

            var input = response.Usage?.InputTokenCount ?? 0;
            var output = response.Usage?.OutputTokenCount ?? 0;
            var cost = price.Cost(input, output);
            spent += cost;
            var text = response.Text;
            if (accept is null || accept(text))
            {
                cache?.Put(key, new CachedReply(text, input, output, latency, response.ModelId));
                meter.Finished(cached: false, failed: false, cost: spent);
                return new ModelReply(text, input, output, latency, cost, false, response.ModelId, options.Temperature, options.Seed, attempts);
            }

            if (judgement < maxAttempts)
            {
                meter.Retry();
            }
        }

        meter.Finished(cached: false, failed: true, cost: spent);
        return ModelReply.Failed($"malformed judge reply after {maxAttempts} attempts", attempts, options.Temperature, options.Seed);
    }
}
