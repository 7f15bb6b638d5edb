namespace Verdict.Arena;

/// <summary>
/// Runs one remote call under the arena's rules: a slot from the concurrency limiter (released during backoff), a
/// per-attempt timeout on the injected clock, and retries of transient failures per <see cref="RetryPolicy"/>.
/// </summary>
internal sealed class ResilientCall(RetryPolicy retry, TimeSpan timeout, SemaphoreSlim limiter, CallMeter meter)
{
    /// <summary>The outcome: a value with its latency, or an error; attempts counts retries.</summary>
    public async Task<(T? Value, double LatencyMs, int Attempts, string? Error)> RunAsync<T>(
        Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : class
    {
        var time = retry.TimeProvider;
        for (var attempt = 0; ; attempt++)
        {
            Exception failure;
            await limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
            using var deadline = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            try
            {
                meter.NetworkCall();
                var start = time.GetTimestamp();
                var value = await call(linked.Token).ConfigureAwait(false);
                return (value, time.GetElapsedTime(start).TotalMilliseconds, attempt + 1, null);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                failure = new TimeoutException($"no reply within {timeout.TotalSeconds:0.###} s");
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failure = exception;
            }
            finally
            {
                limiter.Release();
            }

            if (!RetryPolicy.IsTransient(failure) || attempt >= retry.MaxRetries)
            {
                return (null, double.NaN, attempt + 1, RetryPolicy.Describe(failure));
            }

            meter.Retry();
            await Task.Delay(retry.DelayFor(attempt + 1, failure), time, cancellationToken).ConfigureAwait(false);
        }
    }
}
