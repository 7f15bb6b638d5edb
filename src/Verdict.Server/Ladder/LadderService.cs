using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Verdict.Server.Ladder;

/// <summary>Runs <see cref="LadderRunner"/> every interval (the monitor's) on the server's <see cref="TimeProvider"/>.</summary>
public sealed class LadderService(LadderRunner runner, TimeSpan interval, TimeProvider time, ILogger<LadderService> logger) : BackgroundService
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
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failed pass (the store did not answer) is logged; the next tick tries again.
                    logger.LogError(e, "The ladder's pass failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
