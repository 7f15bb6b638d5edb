namespace Verdict.Server.ControlPlane;

/// <summary>One line of the append-only audit log: who did what to which experiment version, when, why, and the state before and after.</summary>
public sealed record AuditEntry(
    long Sequence,
    string Experiment,
    int? Version,
    DateTimeOffset At,
    string Actor,
    string Action,
    string? Reason,
    string? Before,
    string? After);
