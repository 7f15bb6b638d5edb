namespace Verdict.Experiments.Analysis.Monitoring;

/// <summary>What one monitor window concluded for one guardrail and arm (docs/monitor.md, "The rule").</summary>
public enum WindowOutcome
{
    /// <summary>The harm credibly exceeds the threshold: the one-sided test rejects "harm ≤ threshold".</summary>
    Breach,

    /// <summary>Enough sample, and no credible breach; the streak resets.</summary>
    Held,

    /// <summary>An arm has fewer units than the registered minimum; the window is not judged and the streak is kept.</summary>
    TooSmall,

    /// <summary>The window has no estimate (no events, or no variance); not judged, the streak is kept.</summary>
    NoData,

    /// <summary>
    /// The threshold is derived from control's stable period, which is not complete yet, and the guardrail has no budget
    /// to judge against meanwhile; not judged, the streak is kept (docs/monitor.md).
    /// </summary>
    Calibrating,
}
