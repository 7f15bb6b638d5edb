namespace Verdict.Experiments.Analysis;

/// <summary>The launch verdict (seed 000's auditable gate).</summary>
public enum LaunchDecision
{
    /// <summary>Integrity holds, the primary interval is above 0, the observed lift clears the ship threshold, every guardrail passes.</summary>
    Ship,

    /// <summary>Inconclusive, or a real but too-small lift: keep investigating.</summary>
    Hold,

    /// <summary>A guardrail is breached, a critical segment regresses, or the primary metric is significantly worse.</summary>
    RollBack,

    /// <summary>Integrity failed (SRM, receipts, exclusions, an unreached sample): no lift is presented as a result.</summary>
    Invalid,
}
