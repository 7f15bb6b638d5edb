using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Verdict.Client.Telemetry;

namespace Verdict.Client.Events;

/// <summary>
/// Sends queued rows as NDJSON batches to <c>POST /api/v1/events</c>: a batch goes when it is full or its oldest row
/// has waited <see cref="VerdictClientOptions.FlushInterval"/>. Retries (jittered backoff, Retry-After) are the
/// HttpClient's resilience pipeline; a batch the server refuses as invalid (4xx other than 408/429) is dropped and
/// counted, because sending it again cannot succeed.
/// </summary>
public sealed partial class EventSender(HttpClient http, EventQueue queue, VerdictClientOptions options, ILogger logger, TimeProvider time)
{
    private enum Outcome
    {
        Sent,
        Refused,
        Unreachable,
    }

    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };
    private readonly List<IEventRow> pending = [];

    /// <summary>Runs until <paramref name="stoppingToken"/> fires and the queue is completed and drained.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var batch = new List<IEventRow>(options.BatchSize);
        var reader = queue.Reader;
        while (await WaitAsync(reader, stoppingToken).ConfigureAwait(false))
        {
            using (var flushTimer = new CancellationTokenSource(options.FlushInterval, time))
            using (var window = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, flushTimer.Token))
            {
                while (batch.Count < options.BatchSize)
                {
                    if (reader.TryRead(out var row))
                    {
                        batch.Add(row);
                        continue;
                    }

                    try
                    {
                        if (!await reader.WaitToReadAsync(window.Token).ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }

            // While the server is unreachable the batch is kept and retried; the bounded queue absorbs (and drops) the rest.
            var pause = TimeSpan.FromSeconds(1);
            Outcome outcome;
            while ((outcome = await SendAsync(batch, stoppingToken).ConfigureAwait(false)) == Outcome.Unreachable && !stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(pause, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }

            if (outcome == Outcome.Unreachable)
            {
                // Shutdown while unsent: the rows go back in front of the drain.
                pending.AddRange(batch);
            }

            batch.Clear();
        }
    }

    /// <summary>Sends whatever is queued now, in batches, until the queue is empty or <paramref name="cancellationToken"/> fires.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var batch = new List<IEventRow>(options.BatchSize);
        batch.AddRange(pending);
        pending.Clear();
        while (!cancellationToken.IsCancellationRequested && (batch.Count > 0 || queue.Count > 0))
        {
            if (queue.Reader.TryRead(out var row))
            {
                batch.Add(row);
            }

            if (batch.Count >= options.BatchSize || queue.Count == 0)
            {
                if (await SendAsync(batch, cancellationToken).ConfigureAwait(false) == Outcome.Unreachable)
                {
                    break;
                }

                batch.Clear();
            }
        }

        var left = queue.Count + batch.Count;
        if (left > 0)
        {
            ClientTelemetry.Dropped.Add(left, new KeyValuePair<string, object?>("reason", "unsent_at_shutdown"));
            LogUnsent(logger, left);
        }
    }

    private static async Task<bool> WaitAsync(System.Threading.Channels.ChannelReader<IEventRow> reader, CancellationToken stoppingToken)
    {
        try
        {
            return await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<Outcome> SendAsync(List<IEventRow> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return Outcome.Sent;
        }

        using var activity = ClientTelemetry.Source.StartActivity("verdict.flush");
        activity?.SetTag("verdict.rows", batch.Count);
        var started = Stopwatch.GetTimestamp();
        var body = new ArrayBufferWriter<byte>(batch.Count * 256);
        using (var writer = new Utf8JsonWriter(body, WriterOptions))
        {
            foreach (var row in batch)
            {
                row.WriteTo(writer);
                writer.Flush();
                writer.Reset();
                body.Write("\n"u8);
            }
        }

        try
        {
            using var content = new ReadOnlyMemoryContent(body.WrittenMemory);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
            using var response = await http.PostAsync("api/v1/events", content, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                ClientTelemetry.Sent.Add(batch.Count);
                return Outcome.Sent;
            }

            if ((int)response.StatusCode is 408 or 429 or >= 500)
            {
                LogUnreachable(logger, batch.Count, $"HTTP {(int)response.StatusCode}");
                return Outcome.Unreachable;
            }

            var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            ClientTelemetry.Dropped.Add(batch.Count, new KeyValuePair<string, object?>("reason", "refused"));
            LogRefused(logger, batch.Count, (int)response.StatusCode, detail.Length > 500 ? detail[..500] : detail);
            return Outcome.Refused;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            LogUnreachable(logger, batch.Count, e.Message);
            return Outcome.Unreachable;
        }
        finally
        {
            ClientTelemetry.FlushDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Verdict server refused a batch of {Rows} rows ({Status}): {Detail}")]
    private static partial void LogRefused(ILogger logger, int rows, int status, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Verdict server unreachable; a batch of {Rows} rows is kept and retried: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, int rows, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Verdict SDK stopped with {Rows} rows unsent")]
    private static partial void LogUnsent(ILogger logger, int rows);
}
