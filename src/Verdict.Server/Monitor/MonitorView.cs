using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Quantities;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Monitor;

/// <summary>
/// The monitor's read model of one experiment version, for <c>GET /api/v1/experiments/{key}/monitor</c> and the dashboard
/// (docs/monitor.md, "Read model"): per guardrail and arm the registered plan, the current streak and the recent windows.
/// </summary>
public sealed record MonitorView(string Experiment, int Version, string Status, bool Monitored, DateTimeOffset? Origin, IReadOnlyList<MonitorTrackView> Guardrails)
{
    /// <summary>Builds the view of <paramref name="record"/>; <paramref name="ledger"/> is null until the monitor's first pass over it.</summary>
    public static MonitorView From(ExperimentRecord record, ExperimentBrief brief, MonitorLedger? ledger)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(brief);
        var tracks = ledger?.Tracks ?? new MonitorLedger(brief, record.UpdatedAt).Tracks;
        return new MonitorView(
            record.Key,
            record.Version,
            ControlPlaneStore.Name(record.Status),
            MonitorLedger.Monitors(brief),
            ledger?.Origin,
            [.. tracks.Select(t => new MonitorTrackView(
                t.Metric,
                t.Arm,
                DurationText.Format(t.Monitor.Window),
                Threshold(t) ?? t.Monitor.Threshold?.ToString() ?? brief.Guardrails.First(g => g.Metric == t.Metric).Budget?.ToString(),
                t.Monitor.MinSamplePerArm,
                t.Monitor.Consecutive,
                t.Monitor.Action,
                t.Monitor.Alpha ?? GuardrailMonitor.DefaultAlpha,
                t.Streak,
                t.Windows.Count(w => w.Outcome == WindowOutcome.Breach),
                t.Windows))]);
    }

    /// <summary>A derived threshold as text: its rule and its value, or how far control's stable period has come.</summary>
    private static string? Threshold(GuardrailTrack track) => track.Monitor.StableThreshold is { } rule
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"control_stable ({(rule.K is { } k ? $"k {k}" : $"quantile {rule.Quantile}")} over {rule.Periods} windows): ")
            + (track.Derived is { } derived ? derived.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : $"calibrating, {track.StableValues.Count} of {rule.Periods} windows")
        : null;
}
