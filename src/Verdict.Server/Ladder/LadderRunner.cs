using Microsoft.Extensions.Logging;
using Verdict.Experiments.Analysis.Ladder;
using Verdict.Experiments.Analysis.Shadow;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Quantities;
using Verdict.Reports.Text;
using Verdict.Server.ControlPlane;
using Verdict.Storage.Shadow;
using Verdict.Storage.Sql;

namespace Verdict.Server.Ladder;

/// <summary>
/// Climbs the rollout ladder of every running version whose brief declares stages (docs/monitor.md, "The ladder"): a
/// pass judges the current stage's gate (<see cref="StageGateRule"/>, over the monitor's window evaluation on the
/// reading connection) and, when it passes, moves the version to the next stage through the <see cref="Registry"/>,
/// audited as <c>advance</c> with the gate's conditions as the reason. Exposure only rises, so no enrolled unit moves.
/// An admin may advance, skip or force a stage with a reason (<see cref="ForceAsync"/>).
/// </summary>
public sealed class LadderRunner(Registry registry, StoreReader reader, TimeProvider time, TimeSpan settle, ILogger<LadderRunner> logger)
{
    /// <summary>The actor of the ladder's own advances.</summary>
    public const string Actor = "monitor";

    /// <summary>The most shadow calls one gate reads to count its pairs.</summary>
    public const int ShadowCallLimit = 1_000_000;

    /// <summary>One pass: every running version on a ladder whose gate passes climbs one stage. Returns the gates judged.</summary>
    public async Task<IReadOnlyList<GateStatus>> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var judged = new List<GateStatus>();
        foreach (var record in registry.Records.Where(r => r.Status == ExperimentStatus.Running))
        {
            if (registry.Brief(record.Key, record.Version) is not { Stages: not null } brief)
            {
                continue;
            }

            var status = await GateAsync(record, brief, cancellationToken).ConfigureAwait(false);
            judged.Add(status);
            if (!status.Passed || status.Next is null)
            {
                continue;
            }

            var target = StageGateRule.IndexOf(brief, status.Next);
            try
            {
                registry.Transition(record.Key, record.Version, current =>
                {
                    if (current.Status != ExperimentStatus.Running || current.Stage != record.Stage)
                    {
                        throw new ControlPlaneException(409, "Changed meanwhile", $"{record.Key} v{record.Version} changed while its gate was judged");
                    }

                    return LadderState.Climb(current, brief, target, time.GetUtcNow());
                }, Actor, LadderState.Advance, MonitorText.Reason(status));
                logger.LogInformation("Ladder: {Experiment} v{Version} advanced to {Stage}", record.Key, record.Version, status.Next);
            }
            catch (ControlPlaneException e)
            {
                registry.Note(record.Key, record.Version, Actor, "advance_refused", $"{MonitorText.Reason(status)}; not applied: {e.Message}", null);
            }
        }

        return judged;
    }

    /// <summary>The gate of <paramref name="record"/>'s current stage, judged now.</summary>
    public Task<GateStatus> GateAsync(ExperimentRecord record, ExperimentBrief brief, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(brief);
        var audit = registry.Audit(record.Key);
        var entered = LadderState.EnteredAt(record, audit);
        var breaches = LadderState.BreachesSince(record, audit, entered);
        var now = time.GetUtcNow() - settle;
        var stage = StageGateRule.IndexOf(brief, record.Stage);
        return reader.ReadAsync(
            store =>
            {
                IReadOnlyDictionary<string, long>? pairs = null;
                long Pairs(string arm)
                {
                    pairs ??= ShadowComparison.Pairs(brief, SqlShadowCalls.Load(store, brief, entered, now, ShadowCallLimit)).ToDictionary(p => p.Key, p => (long)p.Value.Count);
                    return pairs.GetValueOrDefault(arm);
                }

                return StageGateRule.Evaluate(brief, stage, entered, now, new SqlMetricSource(store), Pairs, breaches);
            },
            cancellationToken);
    }

    /// <summary>The ladder of <paramref name="key"/>'s live (or latest) version, or null when there is none or it declares no stages.</summary>
    public async Task<LadderView?> ViewAsync(string key, CancellationToken cancellationToken = default)
    {
        var record = Live(key, null);
        if (record is null || registry.Brief(record.Key, record.Version) is not { Stages: { } stages } brief)
        {
            return null;
        }

        var current = StageGateRule.IndexOf(brief, record.Stage);
        var gate = await GateAsync(record, brief, cancellationToken).ConfigureAwait(false);
        return new LadderView(
            record.Key,
            record.Version,
            ControlPlaneStore.Name(record.Status),
            stages[current].Name,
            record.Exposure,
            [.. stages.Select((s, i) => new LadderStageView(
                s.Name,
                System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.Kind.ToString()),
                s.Exposure,
                i < current ? "done" : i == current ? "current" : "ahead",
                s.Gate is null ? null : DurationText.Format(s.Gate.MinDuration),
                s.Gate?.MinSamplePerArm,
                s.Gate?.Guardrails ?? []))],
            gate);
    }

    /// <summary>
    /// An admin's advance to <paramref name="to"/> (default: the next stage), skipping or forcing gates, with a required
    /// reason; the audit line (<c>force_advance</c>) records the reason and the gate's status at that moment.
    /// </summary>
    public async Task<ExperimentRecord> ForceAsync(string key, int? version, string? to, string actor, string? reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ControlPlaneException(422, "A reason is required", "skipping or forcing a ladder stage needs a reason; send {\"to\": STAGE, \"reason\": TEXT}");
        }

        var record = Live(key, version) ?? throw new ControlPlaneException(404, "Unknown experiment", $"no experiment \"{key}\"{(version is null ? string.Empty : $" v{version}")} has been created");
        var brief = registry.Brief(record.Key, record.Version)!;
        if (brief.Stages is null)
        {
            throw new ControlPlaneException(409, "No ladder", $"{record.Key} v{record.Version} declares no stages");
        }

        var current = StageGateRule.IndexOf(brief, record.Stage);
        int target;
        try
        {
            target = to is null ? current + 1 : StageGateRule.IndexOf(brief, to);
        }
        catch (ArgumentException e)
        {
            throw new ControlPlaneException(404, "Unknown stage", e.Message.Split(" (Parameter", 2)[0]);
        }

        if (target >= brief.Stages.Count)
        {
            throw new ControlPlaneException(409, "A ladder only climbs", $"{record.Key} v{record.Version} is at its last stage, {brief.Stages[current].Name}");
        }

        var gate = await GateAsync(record, brief, cancellationToken).ConfigureAwait(false);
        return registry.Transition(record.Key, record.Version, now => LadderState.Climb(now, brief, target, time.GetUtcNow()), actor, LadderState.ForcedAdvance, $"{reason} (to {brief.Stages[target].Name}; {MonitorText.Reason(gate)})");
    }

    private ExperimentRecord? Live(string key, int? version)
    {
        var versions = registry.Records.Where(r => r.Key == key).ToList();
        return version is { } v ? versions.FirstOrDefault(r => r.Version == v)
            : versions.LastOrDefault(r => r.Status is ExperimentStatus.Running or ExperimentStatus.Paused) ?? versions.LastOrDefault();
    }
}
