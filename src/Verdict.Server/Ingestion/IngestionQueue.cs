using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Verdict.Storage;

namespace Verdict.Server.Ingestion;

/// <summary>
/// The one writer of events: batches wait in a bounded queue (a full queue refuses, it never grows), and the writer
/// commits whatever has arrived in one transaction (group commit), then acknowledges each batch. A batch is
/// acknowledged only after its commit, so a <c>2xx</c> from <c>POST /api/v1/events</c> means the rows are stored.
/// </summary>
public sealed partial class IngestionQueue : BackgroundService
{
    private readonly Channel<Pending> channel;
    private readonly EventStore store;
    private readonly int maxGroupRows;
    private readonly ILogger<IngestionQueue> logger;
    private int depth;

    /// <summary>A queue of at most <paramref name="capacity"/> batches in front of <paramref name="store"/>.</summary>
    public IngestionQueue(EventStore store, int capacity, int maxGroupRows, ILogger<IngestionQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.store = store;
        this.maxGroupRows = maxGroupRows;
        this.logger = logger;
        channel = Channel.CreateBounded<Pending>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Batches waiting for the writer.</summary>
    public int Depth => Volatile.Read(ref depth);

    /// <summary>Queues a batch; null when the queue is full (answer 429). The task completes once the batch is committed.</summary>
    public Task? TryEnqueue(EventBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var pending = new Pending(batch, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!channel.Writer.TryWrite(pending))
        {
            return null;
        }

        Interlocked.Increment(ref depth);
        return pending.Done.Task;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Pending>();
        try
        {
            while (await channel.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                Drain(group);
                Commit(group);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: commit what was already accepted into the queue before the host stops.
            channel.Writer.TryComplete();
            while (channel.Reader.TryPeek(out _))
            {
                Drain(group);
                Commit(group);
            }
        }
    }

    private void Drain(List<Pending> group)
    {
        group.Clear();
        var rows = 0;
        while (rows < maxGroupRows && channel.Reader.TryRead(out var pending))
        {
            Interlocked.Decrement(ref depth);
            group.Add(pending);
            rows += pending.Batch.Count;
        }
    }

    private void Commit(List<Pending> group)
    {
        if (group.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            Load(group);
            foreach (var pending in group)
            {
                pending.Done.TrySetResult();
            }

            ServerTelemetry.EventsCommitted.Add(group.Sum(p => p.Batch.Count));
            ServerTelemetry.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (group.Count > 1)
        {
            // One batch may be the cause (a store constraint): retry each alone so the others still commit.
            LogGroupFailed(logger, group.Count, e.Message);
            foreach (var pending in group)
            {
                CommitAlone(pending);
            }
        }
        catch (Exception e)
        {
            LogCommitFailed(logger, e.Message);
            group[0].Done.TrySetException(e);
        }
    }

    private void CommitAlone(Pending pending)
    {
        try
        {
            Load([pending]);
            pending.Done.TrySetResult();
            ServerTelemetry.EventsCommitted.Add(pending.Batch.Count);
        }
        catch (Exception e)
        {
            LogCommitFailed(logger, e.Message);
            pending.Done.TrySetException(e);
        }
    }

    private void Load(IReadOnlyList<Pending> group)
    {
        using var loader = store.BeginLoad();
        foreach (var pending in group)
        {
            foreach (var exposure in pending.Batch.Exposures)
            {
                loader.Add(exposure);
            }

            foreach (var outcome in pending.Batch.Events)
            {
                loader.Add(outcome);
            }
        }

        loader.Commit();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "group commit of {Batches} batches failed ({Reason}); committing them one by one")]
    private static partial void LogGroupFailed(ILogger logger, int batches, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "event batch commit failed: {Reason}")]
    private static partial void LogCommitFailed(ILogger logger, string reason);

    private sealed record Pending(EventBatch Batch, TaskCompletionSource Done);
}
