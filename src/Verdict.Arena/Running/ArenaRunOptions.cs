using Verdict.Arena.Providers;

namespace Verdict.Arena.Running;

/// <summary>Run-time settings that override arena.yaml's execution block.</summary>
public sealed class ArenaRunOptions
{
    /// <summary>Calls in flight at once; default from arena.yaml.</summary>
    public int? Concurrency { get; init; }

    /// <summary>Cache directory; default from arena.yaml. Null with <see cref="NoCache"/> false means the default.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Turn the cache off. Default false.</summary>
    public bool NoCache { get; init; }

    /// <summary>Clock for timeouts, backoff and latency. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Receives progress after every finished call.</summary>
    public IProgress<ArenaProgress>? Progress { get; init; }
}
