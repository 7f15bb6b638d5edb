using Microsoft.Extensions.Hosting;
using Verdict.Client.Config;
using Verdict.Client.Events;

namespace Verdict.Client;

/// <summary>
/// Runs the SDK's background work: the first config fetch at start (bounded, so a down server never blocks the host),
/// polling on the interval, sending batches, and a bounded flush at shutdown.
/// </summary>
public sealed class VerdictBackgroundService(ConfigPoller poller, EventSender sender, EventQueue queue, VerdictClientOptions options, TimeProvider time) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task? polling;
    private Task? sending;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using (var first = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            first.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                await poller.PollAsync(first.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The server is slow or down: start with no config (every experiment unknown) and keep polling.
            }
        }

        polling = PollLoopAsync(stopping.Token);
        sending = sender.RunAsync(stopping.Token);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        queue.Complete();
        foreach (var task in new[] { polling, sending })
        {
            if (task is not null)
            {
                await task.ConfigureAwait(false);
            }
        }

        using var flush = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        flush.CancelAfter(options.ShutdownFlushTimeout);
        await sender.DrainAsync(flush.Token).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => stopping.Dispose();

    private async Task PollLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await poller.PollAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
