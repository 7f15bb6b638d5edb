namespace Verdict.Arena.Providers;

/// <summary>
/// The innermost HTTP handler of every arena call, below the resilience pipeline: each attempt it sees is one network
/// call, counted on the meter and in the <see cref="CallRecord"/>, timed on the injected clock.
/// </summary>
internal sealed class AttemptHandler(CallMeter meter, TimeProvider time) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        meter.NetworkCall();
        var record = CallRecord.Current;
        if (record is not null)
        {
            record.Attempts++;
        }

        var start = time.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (record is not null)
        {
            record.LatencyMs = time.GetElapsedTime(start).TotalMilliseconds;
        }

        return response;
    }
}
