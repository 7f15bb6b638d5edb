using System.Collections.Concurrent;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Dashboard;

/// <summary>
/// The verdict so far of each experiment version, computed by the same analysis as <c>GET …/results</c>
/// (<see cref="StoreReader.AnalyzeAsync"/>) and kept for <see cref="Ttl"/> on the server's clock, so a list of many
/// experiments reloaded often does not re-run every analysis. One entry per version: bounded by the registry.
/// </summary>
public sealed class VerdictCache(StoreReader reader, Registry registry, TimeProvider time)
{
    /// <summary>How long an analysis is reused.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(string Key, int Version), (DateTimeOffset At, VerdictSoFar Value)> entries = new();

    /// <summary>The analysis of <paramref name="record"/> (a draft has none), from the cache while it is fresh.</summary>
    public async Task<VerdictSoFar> GetAsync(ExperimentRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Status == ExperimentStatus.Draft)
        {
            return new VerdictSoFar(null, "not started");
        }

        var now = time.GetUtcNow();
        if (entries.TryGetValue((record.Key, record.Version), out var cached) && now - cached.At < Ttl)
        {
            return cached.Value;
        }

        var brief = registry.Brief(record.Key, record.Version)!;
        VerdictSoFar value;
        try
        {
            value = new VerdictSoFar(await reader.AnalyzeAsync(brief, null, null, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.Data.Common.DbException)
        {
            value = new VerdictSoFar(null, "no analysis yet: " + e.Message.Split('\n', 2)[0]);
        }

        entries[(record.Key, record.Version)] = (now, value);
        return value;
    }
}
