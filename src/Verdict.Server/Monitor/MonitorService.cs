using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Verdict.Server.Monitor;

/// <summary>
/// Runs <see cref="MonitorRunner"/> every interval on the server's <see cref="TimeProvider"/> (a fake one in tests), then
/// <paramref name="then"/> when given (the rollout ladder's pass, after the monitor has recorded the tick's breaches).
/// </summary>
public sealed class MonitorService(MonitorRunner runner, TimeSpan interval, TimeProvider time, ILogger<MonitorService> logger, Func<CancellationToken, Task>? then = null) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await runner.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                    if (then is not null)
                    {
                        await then(stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failed pass (the store did not answer) is logged; the next tick tries again.
                    logger.LogError(e, "The guardrail monitor's pass failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
