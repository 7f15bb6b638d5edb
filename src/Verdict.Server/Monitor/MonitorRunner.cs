using System.Text.Json;
using Microsoft.Extensions.Logging;
using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;
using Verdict.Reports.Monitoring;
using Verdict.Reports.Text;
using Verdict.Server.ControlPlane;
using Verdict.Storage.Sql;

namespace Verdict.Server.Monitor;

/// <summary>
/// The live guardrail monitor of the server (docs/monitor.md): one <see cref="MonitorLedger"/> per running experiment
/// version whose brief has monitor blocks. A pass judges the windows completed since the last pass on the reading
/// connection, writes every breach and decision to the audit log with its evidence, and applies the registered action
/// through the <see cref="Registry"/> (pause, or rollback = stop, so the config serves control).
/// </summary>
public sealed class MonitorRunner : IDisposable
{
    /// <summary>The actor the monitor's audit lines name.</summary>
    public const string Actor = "monitor";

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<(string Key, int Version), Watch> watches = [];
    private readonly Registry registry;
    private readonly StoreReader reader;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly TimeSpan settle;
    private readonly DateTimeOffset since;
    private readonly LookRunner looks;

    /// <summary>
    /// A monitor over <paramref name="registry"/>'s experiments and <paramref name="reader"/>'s store; a window is judged
    /// once <paramref name="settle"/> has passed after its end.
    /// </summary>
    public MonitorRunner(Registry registry, StoreReader reader, TimeProvider time, TimeSpan settle, ILogger<MonitorRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.registry = registry;
        this.reader = reader;
        this.time = time;
        this.logger = logger;
        this.settle = settle;
        since = time.GetUtcNow() - settle;
        looks = new LookRunner(registry, reader);
    }

    /// <summary>
    /// One pass over every running experiment: the registered sequential looks reached (<see cref="LookRunner"/>), then
    /// the guardrail windows of those with monitor blocks; returns the windows judged.
    /// </summary>
    public async Task<IReadOnlyList<MonitorStep>> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow() - settle;
            var judged = new List<MonitorStep>();
            foreach (var record in registry.Records.Where(r => r.Status == ExperimentStatus.Running))
            {
                var brief = registry.Brief(record.Key, record.Version);
                if (brief is not null)
                {
                    await looks.RunAsync(record, brief, now, cancellationToken).ConfigureAwait(false);
                }

                if (brief is null || !MonitorLedger.Monitors(brief))
                {
                    continue;
                }

                var watch = await WatchAsync(record, brief, cancellationToken).ConfigureAwait(false);
                if (LastResume(record) is { } resumed && resumed > watch.ResumedAt)
                {
                    // Resumed by an admin (with a reason in the audit log) since the last pass: every streak restarts,
                    // and the windows that began before the resume (they overlap the pause) are skipped.
                    watch.Ledger.Restart(resumed);
                    watch.ResumedAt = resumed;
                }

                var steps = await reader.ReadAsync(store => watch.Ledger.Advance(new SqlMetricSource(store), now), cancellationToken).ConfigureAwait(false);
                judged.AddRange(steps);
                Act(record, steps);
            }

            return judged;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The monitor's state of one experiment key's live (or latest) version, or null when it is not monitored.</summary>
    public async Task<MonitorView?> ViewAsync(string key, CancellationToken cancellationToken = default)
    {
        var record = registry.Records.Where(r => r.Key == key).OrderBy(r => r.Status is ExperimentStatus.Running or ExperimentStatus.Paused).ThenBy(r => r.Version).LastOrDefault();
        if (record is null)
        {
            return null;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var brief = registry.Brief(record.Key, record.Version)!;
            return MonitorView.From(record, brief, watches.GetValueOrDefault((record.Key, record.Version))?.Ledger);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Watch> WatchAsync(ExperimentRecord record, ExperimentBrief brief, CancellationToken cancellationToken)
    {
        if (watches.TryGetValue((record.Key, record.Version), out var watch))
        {
            return watch;
        }

        // Windows start when the version started (its "start" audit line).
        var origin = registry.Audit(record.Key).LastOrDefault(a => a.Version == record.Version && a.Action == "start")?.At ?? record.CreatedAt;
        watch = new Watch(new MonitorLedger(brief, origin)) { ResumedAt = LastResume(record) ?? DateTimeOffset.MinValue };
        if (origin < since)
        {
            // A server restarted while the version ran: rebuild the streaks from the windows that ended before this
            // process started, without writing or acting on them again (the previous process did).
            await reader.ReadAsync(
                store =>
                {
                    var source = new SqlMetricSource(store);
                    for (var pass = 0; pass < 10_000 && watch.Ledger.Advance(source, since).Count > 0; pass++)
                    {
                    }

                    return 0;
                },
                cancellationToken).ConfigureAwait(false);
        }

        watches[(record.Key, record.Version)] = watch;
        return watch;
    }

    private DateTimeOffset? LastResume(ExperimentRecord record) =>
        registry.Audit(record.Key).LastOrDefault(a => a.Version == record.Version && a.Action == "resume")?.At;

    private void Act(ExperimentRecord record, IReadOnlyList<MonitorStep> steps)
    {
        var tracks = watches[(record.Key, record.Version)].Ledger.Tracks;
        foreach (var (window, streak, decision) in steps)
        {
            if (window.Outcome == WindowOutcome.Breach)
            {
                var monitor = tracks.First(t => t.Metric == window.Metric && t.Arm == window.Arm).Monitor;
                registry.Note(record.Key, record.Version, Actor, "monitor_breach", $"guardrail {window.Metric} ({window.Arm}) breached [{window.Start:O}, {window.End:O}): {MonitorText.Reason(window)}", Evidence(window, streak, monitor));
            }

            if (decision is null)
            {
                continue;
            }

            logger.LogWarning("Monitor: {Experiment} v{Version} {Action}: {Reason}", record.Key, record.Version, decision.Action, MonitorText.Reason(decision));
            try
            {
                switch (decision.Action)
                {
                    case MonitorAction.Pause:
                        registry.Change(record.Key, record.Version, ExperimentChange.Pause, null, Actor, MonitorText.Reason(decision));
                        break;
                    case MonitorAction.Rollback:
                        registry.Change(record.Key, record.Version, ExperimentChange.Stop, null, Actor, MonitorText.Reason(decision), "rollback");
                        break;
                    default:
                        registry.Note(record.Key, record.Version, Actor, decision.Action == MonitorAction.Alert ? "monitor_alert" : "monitor_review_spend", MonitorText.Reason(decision), DecisionEvidence(decision));
                        break;
                }
            }
            catch (ControlPlaneException e)
            {
                // An admin changed the version between the pass's read and its action: record that the action did not apply.
                registry.Note(record.Key, record.Version, Actor, "monitor_action_refused", $"{MonitorText.Reason(decision)}; not applied: {e.Message}", DecisionEvidence(decision));
            }
        }
    }

    private static string Evidence(WindowEvaluation window, int streak, GuardrailMonitor monitor) => JsonSerializer.Serialize(
        new Dictionary<string, object>
        {
            ["window"] = window,
            ["streak"] = streak,
            ["consecutive"] = monitor.Consecutive,
            ["action"] = monitor.Action,
            ["test"] = "one-sided test of H0: harm <= threshold (docs/monitor.md)",
        },
        MonitorJson.Options);

    private static string DecisionEvidence(MonitorDecision decision) => JsonSerializer.Serialize(decision, MonitorJson.Options);

    private sealed class Watch(MonitorLedger ledger)
    {
        public MonitorLedger Ledger { get; } = ledger;

        public DateTimeOffset ResumedAt { get; set; }
    }

    /// <summary>Releases the pass lock (the host disposes the runner after its hosted services stopped).</summary>
    public void Dispose() => gate.Dispose();
}
