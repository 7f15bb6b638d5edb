using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Verdict.Server.Bandits;

/// <summary>Runs <see cref="BanditRunner"/> every interval on the server's <see cref="TimeProvider"/> (a fake one in tests).</summary>
public sealed class BanditService(BanditRunner runner, TimeSpan interval, TimeProvider time, ILogger<BanditService> logger) : BackgroundService
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
                    logger.LogError(e, "The bandit updater's pass failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
