using System.ClientModel;
using System.Globalization;
using System.Net;

namespace Verdict.Arena;

/// <summary>
/// Retries a call after 429, 5xx, a network error or a timeout, waiting for the server's Retry-After (seconds or an
/// HTTP date) when it sends one and otherwise base · 2^attempt capped at <see cref="MaxDelay"/>. Delays run on the
/// injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Retries after the first attempt. Default 4.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First backoff delay. Default 0.5 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Longest delay, Retry-After included. Default 60 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Clock for delays. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>True when <paramref name="exception"/> is worth retrying.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        ClientResultException { Status: 429 or 408 or >= 500 } => true,
        ClientResultException { Status: 0 } => true,
        HttpRequestException { StatusCode: null or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError } => true,
        TimeoutException => true,
        _ => false,
    };

    /// <summary>How long to wait before retry number <paramref name="retry"/> (1-based).</summary>
    public TimeSpan DelayFor(int retry, Exception? exception)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        if (exception is ClientResultException result && RetryAfter(result) is { } serverDelay)
        {
            return serverDelay > MaxDelay ? MaxDelay : serverDelay;
        }

        var delay = BaseDelay * Math.Pow(2, retry - 1);
        return delay > MaxDelay ? MaxDelay : delay;
    }

    private TimeSpan? RetryAfter(ClientResultException exception)
    {
        var response = exception.GetRawResponse();
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - TimeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>The HTTP status of a failure, when there is one.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        ClientResultException { Status: > 0 } e => $"HTTP {e.Status.ToString(CultureInfo.InvariantCulture)} {(HttpStatusCode)e.Status}",
        HttpRequestException { StatusCode: { } status } => $"HTTP {((int)status).ToString(CultureInfo.InvariantCulture)} {status}",
        TimeoutException => "timed out",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
