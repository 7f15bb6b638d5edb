using Verdict.Storage;

namespace Verdict.Server;

/// <summary>How <c>verdict serve</c> runs (docs/server.md, "Running"). Defaults are stated on each property; validated once at start.</summary>
public sealed class ServerOptions
{
    /// <summary>Opens the event store. The server opens it twice: once for the ingestion writer, once for everything else.</summary>
    public required Func<EventStore> OpenStore { get; init; }

    /// <summary>Where Kestrel listens. Default <c>http://127.0.0.1:5080</c>.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5080"];

    /// <summary>The largest request body accepted, in bytes; larger bodies get 413. Default 8 MiB.</summary>
    public long MaxBodyBytes { get; init; } = 8L << 20;

    /// <summary>The most rows one <c>POST /api/v1/events</c> may carry; more get 413. Default 10 000.</summary>
    public int MaxBatchRows { get; init; } = 10_000;

    /// <summary>Batches that may wait for the writer; when full the server answers 429 with Retry-After. Default 256.</summary>
    public int QueueCapacity { get; init; } = 256;

    /// <summary>The most rows the writer commits in one transaction. Default 50 000.</summary>
    public int MaxGroupRows { get; init; } = 50_000;

    /// <summary>How far in the future an event's timestamp may be (clock skew). Default 5 minutes.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the guardrail monitor runs (docs/monitor.md); null turns it off. Default 1 minute.</summary>
    public TimeSpan? MonitorInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after a window ends the monitor waits before judging it, so late batches are in. Default 5 minutes.</summary>
    public TimeSpan MonitorSettle { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the bandit updater checks whether a bandit's period is over (docs/bandits.md); null turns it off. Default 1 minute.</summary>
    public TimeSpan? BanditInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The clock (tests pass a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(OpenStore);
        ArgumentNullException.ThrowIfNull(Time);
        if (Urls.Count == 0)
        {
            throw new ArgumentException("give at least one URL to listen on", nameof(Urls));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBodyBytes, 1024, nameof(MaxBodyBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchRows, 1, nameof(MaxBatchRows));
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 1, nameof(QueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxGroupRows, 1, nameof(MaxGroupRows));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxClockSkew, TimeSpan.Zero, nameof(MaxClockSkew));
        ArgumentOutOfRangeException.ThrowIfLessThan(MonitorSettle, TimeSpan.Zero, nameof(MonitorSettle));
        if (MonitorInterval is { } interval)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromSeconds(1), nameof(MonitorInterval));
        }

        if (BanditInterval is { } bandit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(bandit, TimeSpan.FromSeconds(1), nameof(BanditInterval));
        }
    }
}
