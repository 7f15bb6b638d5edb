using Verdict.Experiments.Briefs;

namespace Verdict.Experiments.Analysis.Monitoring;

/// <summary>
/// The live monitor of one experiment version (docs/monitor.md): one <see cref="GuardrailTrack"/> per monitored guardrail
/// and treatment arm, windows laid end to end from <see cref="Origin"/> (the version's start). Each pass judges the
/// complete windows not judged yet, oldest first, and stops at the first decision that changes the served config (pause
/// or rollback), since later windows belong to a version no longer running.
/// </summary>
public sealed class MonitorLedger
{
    private readonly List<GuardrailTrack> tracks = [];
    private readonly ExperimentBrief windowBrief;

    /// <summary>A ledger for <paramref name="brief"/> whose windows start at <paramref name="origin"/>.</summary>
    public MonitorLedger(ExperimentBrief brief, DateTimeOffset origin)
    {
        ArgumentNullException.ThrowIfNull(brief);
        Brief = brief;
        Origin = origin;

        // A window computes only the monitored guardrails' metrics: no primary (and its CUPED lookback), no secondary
        // metrics, no segments. The unit, arms, eligibility and burn-in stay the brief's, so the cohort is the analysis's.
        var monitored = brief.Guardrails.Where(g => g.Monitor is not null).ToList();
        windowBrief = monitored.Count == 0 ? brief : brief with
        {
            PrimaryMetric = monitored[0].Metric,
            Guardrails = monitored,
            SecondaryMetrics = [],
            Segments = [],
        };
        foreach (var guardrail in brief.Guardrails.Where(g => g.Monitor is not null))
        {
            foreach (var arm in brief.Arms.Where(a => !a.IsControl))
            {
                tracks.Add(new GuardrailTrack(guardrail.Metric, arm.Name, guardrail.Monitor!, guardrail.Harmful == HarmfulDirection.Increase));
            }
        }
    }

    /// <summary>The brief monitored.</summary>
    public ExperimentBrief Brief { get; }

    /// <summary>Where the first window of every guardrail starts.</summary>
    public DateTimeOffset Origin { get; }

    /// <summary>The tracks, in the brief's guardrail order, arms in brief order.</summary>
    public IReadOnlyList<GuardrailTrack> Tracks => tracks;

    /// <summary>True when <paramref name="brief"/> registers a monitor block on any guardrail.</summary>
    public static bool Monitors(ExperimentBrief brief) => brief?.Guardrails.Any(g => g.Monitor is not null) ?? false;

    /// <summary>
    /// Judges every complete window (end ≤ <paramref name="now"/>) not judged yet, at most <paramref name="maxWindows"/>
    /// (the rest wait for the next pass); one window is loaded once for the guardrails that share its bounds.
    /// </summary>
    public IReadOnlyList<MonitorStep> Advance(IMetricWindowSource source, DateTimeOffset now, int maxWindows = 1000)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWindows, 1);
        var due = new List<(GuardrailTrack Track, int Order, DateTimeOffset Start, DateTimeOffset End)>();
        for (var i = 0; i < tracks.Count; i++)
        {
            var track = tracks[i];
            var length = track.Monitor.Window;
            var start = track.LastEnd ?? Origin;
            for (var k = 0; k < maxWindows && start + length <= now; k++)
            {
                due.Add((track, i, start, start + length));
                start += length;
            }
        }

        var steps = new List<MonitorStep>();
        var loaded = new Dictionary<(DateTimeOffset, DateTimeOffset), Verdict.Experiments.Analysis.MetricData>();
        foreach (var (track, _, start, end) in due.OrderBy(d => d.End).ThenBy(d => d.Order).Take(maxWindows))
        {
            if (!loaded.TryGetValue((start, end), out var data))
            {
                data = loaded[(start, end)] = source.LoadWindow(windowBrief, start, end);
            }

            var guardrail = Brief.Guardrails.First(g => g.Metric == track.Metric && g.Monitor is not null);
            var decision = track.Record(WindowRule.Evaluate(Brief, guardrail, data, track.Arm, start, end, track.Derived));
            steps.Add(new MonitorStep(track.Windows[^1], decision?.Streak ?? track.Streak, decision));
            if (decision is { Action: MonitorAction.Pause or MonitorAction.Rollback })
            {
                break;
            }
        }

        return steps;
    }

    /// <summary>
    /// After a resume at <paramref name="at"/>: every streak restarts and the windows that began before <paramref name="at"/>
    /// (they overlap the pause) are skipped; the next window of each guardrail starts at its first boundary at or after it.
    /// </summary>
    public void Restart(DateTimeOffset at)
    {
        foreach (var track in tracks)
        {
            var length = track.Monitor.Window.Ticks;
            var elapsed = Math.Max(0, (at - Origin).Ticks);
            var boundaries = (elapsed + length - 1) / length;
            track.Restart(Origin + TimeSpan.FromTicks(boundaries * length));
        }
    }
}
