using System.Globalization;
using Microsoft.Extensions.Logging;
using Verdict.Experiments.Analysis.Bandits;
using Verdict.Server.ControlPlane;
using Verdict.Storage.Bandits;

namespace Verdict.Server.Bandits;

/// <summary>
/// The server's bandit updater (docs/bandits.md, "The server runs the schedule"): for every running bandit whose
/// period is over — its current weights were computed one brief <c>period</c> ago or more — it computes the next
/// weights from the store exactly as <c>verdict bandit update --as-of NOW</c> does (<see cref="BanditStoreUpdate"/>),
/// records them in the audit log and serves them in the config.
/// </summary>
public sealed class BanditRunner(Registry registry, StoreReader reader, TimeProvider time, ILogger<BanditRunner> logger)
{
    /// <summary>The actor of the audit lines the updater writes.</summary>
    public const string Actor = "bandit";

    /// <summary>One pass at the clock's now; returns the updates it recorded.</summary>
    public async Task<IReadOnlyList<BanditReport>> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var reports = new List<BanditReport>();
        foreach (var served in registry.Served.Values)
        {
            if (served.Config.Status != "running" || served.Bandit is not { } state || served.BanditSchedule is not { } schedule
                || registry.Brief(state.Experiment, state.Version) is not { Bandit: { } design } brief
                || now < state.Periods[^1].ComputedAt + design.Period)
            {
                continue;
            }

            if (!schedule.CanAddPeriod)
            {
                NoteExhausted(state);
                continue;
            }

            var (next, report) = await reader.ReadAsync(store => BanditStoreUpdate.Next(store, brief, state, now, now), cancellationToken).ConfigureAwait(false);
            var weights = string.Join(", ", next.Periods[^1].Weights.Select((w, i) => string.Create(CultureInfo.InvariantCulture, $"{state.Arms[i]} {w:0.####}")));
            var reason = $"period {report.NextPeriod} {(report.Weights.Updated ? "weights updated" : "weights unchanged")}: {weights}";
            if (registry.RecordBanditPeriod(state, next, Actor, reason, BanditLedger.Evidence(next, report)))
            {
                logger.LogInformation("Bandit {Experiment} v{Version}: {Reason}", state.Experiment, state.Version, reason);
                reports.Add(report);
            }
        }

        return reports;
    }

    private void NoteExhausted(BanditState state)
    {
        if (registry.Audit(state.Experiment).Any(a => a.Version == state.Version && a.Action == BanditLedger.ExhaustedAction))
        {
            return;
        }

        registry.Note(state.Experiment, state.Version, Actor, BanditLedger.ExhaustedAction,
            $"all {state.Periods.Count} cohorts are open: the bucket space is used up, so no new period can enrol units (the last weights keep serving their cohort)", null);
    }
}
