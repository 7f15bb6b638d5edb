using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Verdict.Server.Hosting;

/// <summary>
/// Runs <paramref name="pass"/> every interval on the server's <see cref="TimeProvider"/> (a fake one in tests): the
/// guardrail monitor's and the bandit updater's timer. A failed pass (the store did not answer) is logged with
/// <paramref name="name"/>; the next tick tries again.
/// </summary>
public sealed class PeriodicPass(string name, Func<CancellationToken, Task> pass, TimeSpan interval, TimeProvider time, ILogger<PeriodicPass> logger) : BackgroundService
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
                    await pass(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "The {Name}'s pass failed", name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
