namespace Verdict.Arena.Providers;

/// <summary>Thread-safe counters of a run, reported through <see cref="IProgress{T}"/>.</summary>
public sealed class CallMeter(IProgress<ArenaProgress>? progress = null)
{
    private readonly Lock gate = new();
    private long planned, done, network, hits, retries, errors, unreachable;
    private double spend;
    private string? firstUnreachable;

    /// <summary>The counts so far.</summary>
    public ArenaProgress Snapshot
    {
        get
        {
            lock (gate)
            {
                return new ArenaProgress(planned, done, network, hits, retries, errors, spend, unreachable, firstUnreachable);
            }
        }
    }

    internal void Plan(long calls) => Update(() => planned += calls);

    internal void NetworkCall() => Update(() => network++, report: false);

    internal void Retry() => Update(() => retries++, report: false);

    internal void Finished(bool cached, bool failed, double cost) => Update(() =>
    {
        done++;
        if (cached) { hits++; }
        if (failed) { errors++; }
        spend += cost;
    });

    /// <summary>A call that got no reply from <paramref name="endpoint"/> after its retries.</summary>
    internal void NoReply(string endpoint, string error) => Update(() =>
    {
        unreachable++;
        firstUnreachable ??= $"{endpoint}: {error}";
    }, report: false);

    private void Update(Action change, bool report = true)
    {
        ArenaProgress snapshot;
        lock (gate)
        {
            change();
            snapshot = new ArenaProgress(planned, done, network, hits, retries, errors, spend, unreachable, firstUnreachable);
        }

        if (report)
        {
            progress?.Report(snapshot);
        }
    }
}
