using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Verdict.Client.Telemetry;

namespace Verdict.Client.Events;

/// <summary>
/// The bounded queue between the request path and the sender. <see cref="TryAdd"/> never blocks and never throws: when
/// the queue is full the row is dropped, counted, and logged (at most once a minute).
/// </summary>
public sealed partial class EventQueue
{
    private readonly Channel<IEventRow> channel;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private long dropped;
    private long lastDropLog = long.MinValue;

    /// <summary>A queue of at most <paramref name="capacity"/> rows.</summary>
    public EventQueue(int capacity, ILogger logger, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        channel = Channel.CreateBounded<IEventRow>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        this.logger = logger;
        this.time = time;
    }

    /// <summary>Rows dropped because the queue was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Rows waiting.</summary>
    public int Count => channel.Reader.Count;

    internal ChannelReader<IEventRow> Reader => channel.Reader;

    /// <summary>Queues a row; false (and counted) when the queue is full or closed.</summary>
    public bool TryAdd(IEventRow row)
    {
        if (channel.Writer.TryWrite(row))
        {
            ClientTelemetry.Queued.Add(1);
            return true;
        }

        var total = Interlocked.Increment(ref dropped);
        ClientTelemetry.Dropped.Add(1, new KeyValuePair<string, object?>("reason", "queue_full"));
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref lastDropLog);
        if ((last == long.MinValue || time.GetElapsedTime(last, now) > TimeSpan.FromMinutes(1)) && Interlocked.CompareExchange(ref lastDropLog, now, last) == last)
        {
            LogDropped(logger, total);
        }

        return false;
    }

    /// <summary>Stops accepting rows; the sender drains what is left.</summary>
    internal void Complete() => channel.Writer.TryComplete();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Verdict event queue is full: dropping events ({Dropped} dropped since start); the server may be unreachable or too slow")]
    private static partial void LogDropped(ILogger logger, long dropped);
}
