using Verdict.Experiments.Analysis.Bandits;
using Verdict.Experiments.Briefs;
using Verdict.Storage.Sql;

namespace Verdict.Storage.Bandits;

/// <summary>
/// One bandit update from a store (docs/bandits.md, "Updating"): the reward metric per (arm, enrolling period) over the
/// units whose reward window has closed at <c>now</c>, then <see cref="BanditUpdater.Update"/>. The one code path of
/// <c>verdict bandit update</c>, the server's scheduled updater and the bandit report.
/// </summary>
public static class BanditStoreUpdate
{
    /// <summary>
    /// The next period of <paramref name="state"/> computed at <paramref name="now"/> from the events up to
    /// <paramref name="limit"/> (all events when null); the report carries the reward cut-off it used.
    /// </summary>
    public static (BanditState State, BanditReport Report) Next(EventStore store, ExperimentBrief brief, BanditState state, DateTimeOffset now, DateTimeOffset? limit)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(brief);
        var cutoff = BanditUpdater.RewardCutoff(brief, now);
        var source = new SqlMetricSource(store);
        var data = cutoff is { } c
            ? source.LoadClosed(BanditUpdater.ForStore(brief), c, limit)
            : source.Load(BanditUpdater.ForStore(brief), limit);
        var (next, report) = BanditUpdater.Update(brief, state, data, now);
        return (next, report with { RewardCutoff = cutoff });
    }
}
