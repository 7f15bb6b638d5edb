using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Verdict.Arena.Configuration;

namespace Verdict.Arena.Providers;

/// <summary>
/// The HTTP side of a run: one Microsoft.Extensions.Http.Resilience pipeline shared by every model, judge and
/// embedding client — retry of 429, 408, 5xx, network errors and timeouts with exponential backoff or the server's
/// Retry-After; inside it one concurrency limiter (so a slot is not held while waiting to retry); inside that the
/// per-attempt timeout. Delays and timeouts run on the injected clock.
/// </summary>
internal sealed class ArenaHttp : IDisposable
{
    /// <summary>Longest wait before a retry, Retry-After included.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    private readonly ConcurrencyLimiter limiter;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly CallMeter meter;
    private readonly TimeProvider time;
    private readonly Dictionary<string, HttpClient> clients = new(StringComparer.Ordinal);

    /// <summary>Builds the pipeline from arena.yaml's execution block and the run's concurrency.</summary>
    public ArenaHttp(ExecutionSpec execution, int concurrency, CallMeter meter, TimeProvider time)
    {
        this.meter = meter;
        this.time = time;
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = concurrency,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (execution.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = execution.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = TimeSpan.FromSeconds(execution.BackoffSeconds),
                MaxDelay = MaxDelay,
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response) : null),
                OnRetry = _ =>
                {
                    meter.Retry();
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline = builder
            .AddRateLimiter(limiter)
            .AddTimeout(TimeSpan.FromSeconds(execution.TimeoutSeconds))
            .Build();
    }

    /// <summary>
    /// The client for <paramref name="baseAddress"/> (null: absolute request URIs, as the OpenAI client sends), one per
    /// address and so one connection pool, whose every request goes through the pipeline; its own timeout is off (the
    /// pipeline's applies per attempt).
    /// </summary>
    public HttpClient Client(Uri? baseAddress = null)
    {
        lock (clients)
        {
            var key = baseAddress?.AbsoluteUri ?? "";
            if (!clients.TryGetValue(key, out var client))
            {
#pragma warning disable CA2000 // The handlers are owned by the client, which this object disposes.
                client = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = new AttemptHandler(meter, time) })
                {
                    BaseAddress = baseAddress,
                    Timeout = Timeout.InfiniteTimeSpan,
                };
#pragma warning restore CA2000
                clients.Add(key, client);
            }

            return client;
        }
    }

    /// <summary>
    /// The server's wait: <c>retry-after-ms</c> (OpenAI's), else <c>Retry-After</c> in seconds or as an HTTP date
    /// (read against the injected clock), capped at <see cref="MaxDelay"/>; null when it sent none.
    /// </summary>
    public TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        TimeSpan? wait = null;
        if (response.Headers.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            wait = TimeSpan.FromMilliseconds(milliseconds);
        }
        else if (response.Headers.RetryAfter is { } header)
        {
            wait = header.Delta ?? (header.Date is { } date ? date - time.GetUtcNow() : null);
        }

        return wait is not { } w ? null : w < TimeSpan.Zero ? TimeSpan.Zero : w > MaxDelay ? MaxDelay : w;
    }

    public void Dispose()
    {
        lock (clients)
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }

        limiter.Dispose();
    }
}
