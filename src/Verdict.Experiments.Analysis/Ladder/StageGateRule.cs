using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;

namespace Verdict.Experiments.Analysis.Ladder;

/// <summary>
/// Judges a stage's gate (docs/monitor.md, "The ladder"). A canary or A/B gate passes when the stage has lasted its
/// minimum duration, no monitor window breached during it, and for every gate guardrail and treatment arm the stage's
/// cohort (units first exposed since the stage began, measured up to now) has the minimum sample per arm and no credible
/// breach: the monitor's own <see cref="WindowRule"/> over one window spanning the stage, so no metric is computed twice.
/// A shadow gate passes when the stage has lasted its minimum and every treatment has the minimum of complete shadow pairs.
/// </summary>
public static class StageGateRule
{
    /// <summary>The index of stage <paramref name="name"/> in <paramref name="brief"/>'s ladder; 0 when null (a version starts at the first stage).</summary>
    public static int IndexOf(ExperimentBrief brief, string? name)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var stages = brief.Stages ?? throw new ArgumentException($"{brief.Key} v{brief.Version} declares no stages", nameof(brief));
        if (name is null)
        {
            return 0;
        }

        var index = stages.ToList().FindIndex(s => s.Name == name);
        return index >= 0 ? index : throw new ArgumentException($"{brief.Key} v{brief.Version} has no stage \"{name}\" (it has {string.Join(", ", stages.Select(s => s.Name))})", nameof(name));
    }

    /// <summary>
    /// Judges the gate of stage <paramref name="stage"/> entered at <paramref name="enteredAt"/>, at <paramref name="now"/>.
    /// <paramref name="source"/> loads the stage's window (not asked when the stage is too young or a shadow stage);
    /// <paramref name="shadowPairs"/> counts complete shadow pairs of a treatment arm since the stage began.
    /// </summary>
    public static GateStatus Evaluate(ExperimentBrief brief, int stage, DateTimeOffset enteredAt, DateTimeOffset now, IMetricWindowSource source, Func<string, long> shadowPairs, int monitorBreaches)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(shadowPairs);
        var stages = brief.Stages ?? throw new ArgumentException($"{brief.Key} v{brief.Version} declares no stages", nameof(brief));
        ArgumentOutOfRangeException.ThrowIfNegative(stage);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(stage, stages.Count);
        var current = stages[stage];
        var status = new GateStatus
        {
            Stage = current.Name,
            Next = stage + 1 < stages.Count ? stages[stage + 1].Name : null,
            HasGate = current.Gate is not null,
            EnteredAt = enteredAt,
            Elapsed = now - enteredAt,
            MinDuration = current.Gate?.MinDuration ?? TimeSpan.Zero,
            MinSamplePerArm = current.Gate?.MinSamplePerArm ?? 0,
            MonitorBreaches = monitorBreaches,
        };
        if (current.Gate is not { } gate || status.Next is null)
        {
            return status;
        }

        var old = now - enteredAt >= gate.MinDuration;
        var passed = old && monitorBreaches == 0;

        var treatments = brief.Arms.Where(a => !a.IsControl).Select(a => a.Name).ToList();
        if (current.Kind == RolloutStage.Shadow)
        {
            var pairs = treatments.ToDictionary(a => a, shadowPairs, StringComparer.Ordinal);
            passed &= pairs.Values.All(count => count >= gate.MinSamplePerArm);
            return status with { Passed = passed, ShadowPairs = pairs };
        }

        var windows = new List<WindowEvaluation>();
        if (!old)
        {
            // A young stage is not measured: the gate cannot pass before its minimum duration anyway.
            return status;
        }

        var held = gate.Guardrails.Select(name => brief.Guardrails.First(g => g.Metric == name)).Select(g => g with
        {
            Monitor = new GuardrailMonitor(now - enteredAt, g.Monitor?.Threshold, gate.MinSamplePerArm, 1, MonitorAction.Alert, g.Monitor?.Alpha),
        }).ToList();
        var windowBrief = brief with { PrimaryMetric = held[0].Metric, Guardrails = held, SecondaryMetrics = [], Segments = [] };
        MetricData data = source.LoadWindow(windowBrief, enteredAt, now);
        foreach (var guardrail in held)
        {
            foreach (var arm in treatments)
            {
                var window = WindowRule.Evaluate(windowBrief, guardrail, data, arm, enteredAt, now);
                windows.Add(window);
                passed &= window.Outcome == WindowOutcome.Held;
            }
        }

        return status with { Passed = passed, Windows = windows };
    }
}
