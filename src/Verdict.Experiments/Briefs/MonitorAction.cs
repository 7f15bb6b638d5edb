namespace Verdict.Experiments.Briefs;

/// <summary>What the live monitor does when a guardrail's breach streak reaches its registered length (docs/monitor.md).</summary>
public enum MonitorAction
{
    /// <summary>Record an alert in the audit log; the served config does not change.</summary>
    Alert,

    /// <summary>Pause enrollment: no new units; enrolled units keep their arm.</summary>
    Pause,

    /// <summary>Roll back: the version is stopped and everyone is served control.</summary>
    Rollback,

    /// <summary>Record a spend review request in the audit log; the served config does not change.</summary>
    ReviewSpend,
}
