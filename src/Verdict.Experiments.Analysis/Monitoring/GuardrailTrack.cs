using Verdict.Experiments.Briefs;
using Verdict.Experiments.Quantities;

namespace Verdict.Experiments.Analysis.Monitoring;

/// <summary>
/// The monitor's running state for one guardrail and treatment arm: the streak, the last window judged, the recent
/// windows, and control's stable-period values while a derived threshold is calibrating.
/// </summary>
public sealed class GuardrailTrack(string metric, string arm, GuardrailMonitor monitor, bool increaseIsHarmful = true)
{
    /// <summary>How many recent windows a track keeps for its read model.</summary>
    public const int Kept = 500;

    private readonly List<WindowEvaluation> windows = [];
    private readonly List<WindowEvaluation> breaches = [];
    private readonly List<double> stable = [];

    /// <summary>The guardrail metric.</summary>
    public string Metric { get; } = metric;

    /// <summary>The treatment arm.</summary>
    public string Arm { get; } = arm;

    /// <summary>The registered plan.</summary>
    public GuardrailMonitor Monitor { get; } = monitor;

    /// <summary>Breached windows in a row so far (windows too small or without data neither extend nor break it).</summary>
    public int Streak => breaches.Count;

    /// <summary>The end of the last window evaluated, or null.</summary>
    public DateTimeOffset? LastEnd { get; private set; }

    /// <summary>
    /// The threshold derived from control's stable period (<see cref="GuardrailMonitor.StableThreshold"/>), once its
    /// windows are in; null before, and for the other threshold kinds.
    /// </summary>
    public Quantity? Derived { get; private set; }

    /// <summary>Control's window values collected for the stable period so far.</summary>
    public IReadOnlyList<double> StableValues => stable;

    /// <summary>The recent windows, oldest first (at most <see cref="Kept"/>).</summary>
    public IReadOnlyList<WindowEvaluation> Windows => windows;

    /// <summary>Records a window; returns the decision when the streak reaches the registered length (the streak then restarts).</summary>
    public MonitorDecision? Record(WindowEvaluation window)
    {
        ArgumentNullException.ThrowIfNull(window);
        LastEnd = window.End;
        Calibrate(window);
        windows.Add(window);
        if (windows.Count > Kept)
        {
            windows.RemoveAt(0);
        }

        switch (window.Outcome)
        {
            case WindowOutcome.Held:
                breaches.Clear();
                return null;
            case WindowOutcome.Breach:
                breaches.Add(window);
                if (breaches.Count < Monitor.Consecutive)
                {
                    return null;
                }

                var decision = new MonitorDecision(Metric, Arm, Monitor.Action, breaches.Count, [.. breaches]);
                breaches.Clear();
                return decision;
            default:
                return null;
        }
    }

    private void Calibrate(WindowEvaluation window)
    {
        // Control's stable period: its first judged windows (enough control units and a value), whatever treatment did.
        if (Monitor.StableThreshold is not { } rule || Derived is not null || window.ControlUnits < Monitor.MinSamplePerArm || !double.IsFinite(window.ControlValue))
        {
            return;
        }

        stable.Add(window.ControlValue);
        if (stable.Count == rule.Periods)
        {
            Derived = new Quantity(rule.From(stable, increaseIsHarmful), QuantityUnit.Number);
        }
    }

    /// <summary>Forgets the streak and skips every window ending at or before <paramref name="until"/> (after a resume).</summary>
    public void Restart(DateTimeOffset until)
    {
        breaches.Clear();
        LastEnd = LastEnd is { } last && last > until ? last : until;
    }
}
