using System.Text.Json;
using Verdict.Experiments.Analysis.Ladder;
using Verdict.Experiments.Briefs;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Ladder;

/// <summary>
/// Where a version stands on its brief's ladder, read from its record and audit log (docs/monitor.md, "The ladder"):
/// the stage (the record's, else the first), and when it was entered (its last advance line, else its start).
/// </summary>
public static class LadderState
{
    /// <summary>The audit action of an advance whose gate passed (actor <c>monitor</c>).</summary>
    public const string Advance = "advance";

    /// <summary>The audit action of an admin's advance, skip or force (a reason is required).</summary>
    public const string ForcedAdvance = "force_advance";

    /// <summary>The kind of the version's stage (<c>shadow</c>, <c>canary</c>, <c>ab</c>) for the SDK config, or null without a ladder.</summary>
    public static string? Kind(ExperimentRecord record, ExperimentBrief brief)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(brief);
        return brief.Stages is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(brief.Stages[StageGateRule.IndexOf(brief, record.Stage)].Kind.ToString());
    }

    /// <summary>When <paramref name="record"/>'s version entered its current stage.</summary>
    public static DateTimeOffset EnteredAt(ExperimentRecord record, IReadOnlyList<AuditEntry> audit)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(audit);
        var mine = audit.Where(a => a.Version == record.Version).ToList();
        return mine.LastOrDefault(a => a.Action is Advance or ForcedAdvance)?.At
            ?? mine.LastOrDefault(a => a.Action == "start")?.At
            ?? record.CreatedAt;
    }

    /// <summary>Monitor windows breached since <paramref name="since"/> in <paramref name="record"/>'s version.</summary>
    public static int BreachesSince(ExperimentRecord record, IReadOnlyList<AuditEntry> audit, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(audit);
        return audit.Count(a => a.Version == record.Version && a.Action == "monitor_breach" && a.At >= since);
    }

    /// <summary>
    /// The record after moving to stage <paramref name="target"/>: the stage named, exposure raised to the stage's (never
    /// lowered, so no enrolled unit moves; a manual ramp above it is kept). Refuses a move that does not climb, or a
    /// version that is not running or paused.
    /// </summary>
    public static ExperimentRecord Climb(ExperimentRecord current, ExperimentBrief brief, int target, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(brief);
        var stages = brief.Stages ?? throw new ControlPlaneException(409, "No ladder", $"{current.Key} v{current.Version} declares no stages");
        var from = StageGateRule.IndexOf(brief, current.Stage);
        if (current.Status is not (ExperimentStatus.Running or ExperimentStatus.Paused))
        {
            throw new ControlPlaneException(409, "Not allowed in this state", $"cannot advance {current.Key} v{current.Version}: it is {ControlPlaneStore.Name(current.Status)}");
        }

        if (target <= from)
        {
            throw new ControlPlaneException(409, "A ladder only climbs", $"{current.Key} v{current.Version} is in stage {stages[from].Name}; stage {stages[target].Name} is not above it (going down would drop enrolled units; pause or roll back instead)");
        }

        return current with { Stage = stages[target].Name, Exposure = Math.Max(current.Exposure, stages[target].Exposure), UpdatedAt = at };
    }
}
