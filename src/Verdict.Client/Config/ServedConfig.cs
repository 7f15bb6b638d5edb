using System.Collections.Frozen;
using Verdict.Assignment;
using Verdict.Assignment.Bandits;
using Verdict.Client.Wire;

namespace Verdict.Client.Config;

/// <summary>One config as the SDK serves it: every experiment by key with its assigner, the ETag, and when it arrived.</summary>
public sealed class ServedConfig
{
    /// <summary>No config yet: every experiment is unknown.</summary>
    public static readonly ServedConfig Empty = new(new SdkConfig { Revision = 0, Experiments = [] }, null, DateTimeOffset.MinValue);

    /// <summary>Builds the assigners of <paramref name="config"/>.</summary>
    public ServedConfig(SdkConfig config, string? etag, DateTimeOffset fetchedAt)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        ETag = etag;
        FetchedAt = fetchedAt;
        Experiments = config.Experiments.ToFrozenDictionary(e => e.Key, e => (e, new ExperimentAssigner(e.ToAssignmentSpec())), StringComparer.Ordinal);
        Bandits = config.Experiments.Where(e => e.Bandit is not null)
            .ToFrozenDictionary(e => e.Key, e => e.Bandit!.ToSchedule(e.Salt, e.Arms.Select(a => a.Name).ToArray()), StringComparer.Ordinal);
    }

    /// <summary>The config.</summary>
    public SdkConfig Config { get; }

    /// <summary>The server's ETag for it, or null.</summary>
    public string? ETag { get; }

    /// <summary>When it was fetched (or last confirmed unchanged).</summary>
    public DateTimeOffset FetchedAt { get; internal set; }

    /// <summary>Experiments by key with their assigners.</summary>
    public FrozenDictionary<string, (ExperimentConfig Config, ExperimentAssigner Assigner)> Experiments { get; }

    /// <summary>The bandits' serving schedules by experiment key (docs/bandits.md, "Serving").</summary>
    public FrozenDictionary<string, BanditSchedule> Bandits { get; }
}
