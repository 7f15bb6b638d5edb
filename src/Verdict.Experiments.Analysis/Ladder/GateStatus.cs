using Verdict.Experiments.Analysis.Monitoring;

namespace Verdict.Experiments.Analysis.Ladder;

/// <summary>
/// Where one stage's gate stands (docs/monitor.md, "The ladder"): the stage and the next, how long the stage has run
/// against the registered minimum, the stage-long window of every gate guardrail and treatment arm (the monitor's own
/// window evaluation), the shadow pairs of a shadow stage, the monitor breaches recorded during the stage, and the verdict.
/// Its conditions and their sentence (<c>conditions</c>, <c>reason</c>) are worded by Verdict.Reports' <c>MonitorText</c>.
/// </summary>
public sealed record GateStatus
{
    /// <summary>The stage the gate belongs to.</summary>
    public required string Stage { get; init; }

    /// <summary>The stage a passed gate advances to, or null at the last stage.</summary>
    public string? Next { get; init; }

    /// <summary>True when the brief registers a gate for this stage (without one only an admin advances).</summary>
    public bool HasGate { get; init; }

    /// <summary>True when every condition of the gate holds.</summary>
    public bool Passed { get; init; }

    /// <summary>When the stage was entered.</summary>
    public DateTimeOffset EnteredAt { get; init; }

    /// <summary>How long the stage has run.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The registered minimum duration (zero without a gate).</summary>
    public TimeSpan MinDuration { get; init; }

    /// <summary>The registered minimum sample per arm (shadow: complete pairs per treatment).</summary>
    public long MinSamplePerArm { get; init; }

    /// <summary>The stage-long window of each gate guardrail and treatment arm, judged by the monitor's rule.</summary>
    public IReadOnlyList<WindowEvaluation> Windows { get; init; } = [];

    /// <summary>Complete shadow pairs per treatment arm (shadow stages only).</summary>
    public IReadOnlyDictionary<string, long>? ShadowPairs { get; init; }

    /// <summary>Breached monitor windows recorded during the stage; any blocks the gate.</summary>
    public int MonitorBreaches { get; init; }
}
