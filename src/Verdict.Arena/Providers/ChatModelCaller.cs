using Microsoft.Extensions.AI;
using Verdict.Arena.Configuration;

namespace Verdict.Arena.Providers;

/// <summary>
/// Calls a live endpoint through its <see cref="IChatClient"/> pipeline (the cache, then the provider's client over
/// the run's resilient HTTP) and turns the outcome into a <see cref="ModelReply"/>: tokens, price, the latency and
/// attempts the <see cref="CallRecord"/> measured, and — for a judge — re-asks while the reply is malformed.
/// </summary>
internal sealed class ChatModelCaller(IChatClient client, string endpoint, PriceSpec price, ReplyCheck? check, CallMeter meter) : IModelCaller
{
    public async Task<ModelReply> CallAsync(CallRequest request, CancellationToken cancellationToken = default)
    {
        var options = request.Options;
        var record = CallRecord.Start();
        var attempts = Math.Max(1, check?.MaxAttempts ?? 1);
        double spent = 0;
        for (var judgement = 1; judgement <= attempts; judgement++)
        {
            ChatResponse response;
            try
            {
                record.Cached = false;
                response = await client.GetResponseAsync(request.Messages, options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                var error = CallFailure.Describe(exception);
                meter.NoReply(endpoint, error);
                meter.Finished(cached: false, failed: true, cost: spent);
                return ModelReply.Failed(error, record.Attempts, options.Temperature, options.Seed);
            }

            var input = response.Usage?.InputTokenCount ?? 0;
            var output = response.Usage?.OutputTokenCount ?? 0;
            var cost = price.Cost(input, output);
            if (record.Cached)
            {
                meter.Finished(cached: true, failed: false, cost: 0);
                return new ModelReply(response.Text, input, output, record.LatencyMs, cost, true, response.ModelId, options.Temperature, options.Seed, 0);
            }

            spent += cost;
            if (check is null || check.Accept(response.Text))
            {
                meter.Finished(cached: false, failed: false, cost: spent);
                return new ModelReply(response.Text, input, output, record.LatencyMs, cost, false, response.ModelId, options.Temperature, options.Seed, record.Attempts);
            }

            if (judgement < attempts)
            {
                meter.Retry();
            }
        }

        meter.Finished(cached: false, failed: true, cost: spent);
        return ModelReply.Failed($"malformed judge reply after {attempts} attempts", record.Attempts, options.Temperature, options.Seed);
    }
}
