using Verdict.Experiments.Analysis.Ladder;
using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Quantities;

namespace Verdict.Reports.Text;

/// <summary>
/// The words of the monitor and the ladder (docs/monitor.md): a judged window's sentence, a fired decision's audit
/// sentence, and a stage gate's conditions, from the data the monitor returns. The JSON carries them as <c>reason</c> and
/// <c>conditions</c> through <see cref="Monitoring.MonitorJson"/>.
/// </summary>
public static class MonitorText
{
    /// <summary>One sentence for people: why the window has the outcome it has, with the numbers behind it.</summary>
    public static string Reason(WindowEvaluation window)
    {
        ArgumentNullException.ThrowIfNull(window);
        switch (window.Outcome)
        {
            case WindowOutcome.Calibrating:
                return $"control's stable period ({window.StablePeriods} windows) is not complete and the guardrail has no budget to judge against meanwhile; not judged";
            case WindowOutcome.TooSmall:
                return $"{Math.Min(window.ControlUnits, window.TreatmentUnits)} units in the smaller arm, fewer than the registered {window.MinSamplePerArm}; not judged";
            case WindowOutcome.NoData:
                return window.Diagnostics is not { } diagnostics
                    ? "no cells for this metric in the window"
                    : "no estimate in this window" + (diagnostics.Count > 0 ? ": " + string.Join("; ", diagnostics) : string.Empty);
        }

        var unit = window.Unit;
        string Show(double v) => window.Relative ? MetricFormat.Relative(v) : MetricFormat.Delta(v, unit);
        return (window.StablePeriods is { } periods ? $"control's stable period ({periods} windows) not complete, judged against the budget: " : string.Empty)
            + $"{Show(window.Difference)} (one-sided {MetricFormat.Confidence(window.Alpha)} {(window.IncreaseHarmful ? "lower" : "upper")} bound {Show(window.Bound)}, p = {MetricFormat.PValue(window.PValue)}) "
            + $"{(window.Outcome == WindowOutcome.Breach ? "breaches" : "does not credibly breach")} the threshold {Show(window.Threshold)} "
            + $"(control {MetricFormat.Value(window.ControlValue, unit)}, {window.Arm} {MetricFormat.Value(window.TreatmentValue, unit)}, {window.ControlUnits}/{window.TreatmentUnits} units)";
    }

    /// <summary>One sentence for the audit log: the guardrail and arm, the streak, and the last breached window's sentence.</summary>
    public static string Reason(MonitorDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var last = decision.Windows[^1];
        return $"guardrail {decision.Metric} ({decision.Arm}) breached {decision.Streak} consecutive window(s) of {DurationText.Format(last.End - last.Start)} "
            + $"(the registered streak), last [{last.Start:O}, {last.End:O}): {Reason(last)}";
    }

    /// <summary>One line per condition of the gate, passed or not, for the audit log and the dashboard.</summary>
    public static IReadOnlyList<string> Conditions(GateStatus gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        if (gate.Next is null || !gate.HasGate)
        {
            return [gate.Next is null ? "the last stage; nothing to advance to" : "no gate registered; only an admin advances"];
        }

        var old = gate.Elapsed >= gate.MinDuration;
        var elapsed = gate.Elapsed < TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Floor(gate.Elapsed.TotalSeconds));
        var conditions = new List<string>
        {
            $"ran {DurationText.Format(elapsed)} of the registered {DurationText.Format(gate.MinDuration)}{(old ? string.Empty : " (too early)")}",
            gate.MonitorBreaches == 0 ? "no monitor breach during the stage" : $"{gate.MonitorBreaches} monitor breach(es) during the stage",
        };
        conditions.AddRange(gate.ShadowPairs is { } pairs
            ? pairs.Select(p => $"{p.Key}: {p.Value} complete shadow pairs of the registered {gate.MinSamplePerArm}")
            : gate.Windows.Select(w => $"{w.Metric} ({w.Arm}) {Describe(w.Outcome)}: {Reason(w)}"));
        return conditions;
    }

    /// <summary>The gate's conditions joined into one sentence.</summary>
    public static string Reason(GateStatus gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return $"gate of stage {gate.Stage} {(gate.Passed ? "passed" : gate.HasGate ? "not passed" : "absent")}: {string.Join("; ", Conditions(gate))}";
    }

    private static string Describe(WindowOutcome outcome) => outcome switch
    {
        WindowOutcome.Held => "holds",
        WindowOutcome.Breach => "breaches",
        WindowOutcome.TooSmall => "has too small a sample",
        _ => "has no data",
    };
}
