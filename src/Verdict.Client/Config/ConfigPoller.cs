using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Verdict.Client.Telemetry;
using Verdict.Client.Wire;

namespace Verdict.Client.Config;

/// <summary>
/// Polls <c>GET /api/v1/config</c> with the last ETag and swaps in a new <see cref="ServedConfig"/> when it changed.
/// A failed poll keeps the last known good config: an outage of the server never changes what the SDK serves.
/// </summary>
public sealed partial class ConfigPoller(HttpClient http, TimeProvider time, ILogger logger)
{
    private ServedConfig current = ServedConfig.Empty;

    /// <summary>The config being served (replaced atomically).</summary>
    public ServedConfig Current => Volatile.Read(ref current);

    /// <summary>Serves <paramref name="config"/> as if it had been fetched (benchmarks and offline tests).</summary>
    internal void Load(ServedConfig config) => Volatile.Write(ref current, config);

    /// <summary>Polls once; true when the server answered (200 or 304).</summary>
    public async Task<bool> PollAsync(CancellationToken cancellationToken)
    {
        using var activity = ClientTelemetry.Source.StartActivity("verdict.config.poll");
        var served = Current;
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/config");
        if (served.ETag is { } etag)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                served.FetchedAt = time.GetUtcNow();
                return true;
            }

            if (!response.IsSuccessStatusCode)
            {
                LogPollFailed(logger, $"HTTP {(int)response.StatusCode}");
                return false;
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var config = await JsonSerializer.DeserializeAsync(body, WireJson.Default.SdkConfig, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("the config is null");
            Volatile.Write(ref current, new ServedConfig(config, response.Headers.ETag?.Tag, time.GetUtcNow()));
            activity?.SetTag("verdict.config.revision", config.Revision);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException or ArgumentException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            LogPollFailed(logger, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Verdict config poll failed ({Reason}); serving the last known good config")]
    private static partial void LogPollFailed(ILogger logger, string reason);
}
