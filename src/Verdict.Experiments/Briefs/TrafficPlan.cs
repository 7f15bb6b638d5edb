using Verdict.Assignment.Targeting;

namespace Verdict.Experiments.Briefs;

/// <summary>Who sees the experiment and how much of them: exposure (the ramp), stage, layer, holdout, salt, forced arms.</summary>
public sealed record TrafficPlan
{
    /// <summary>The fraction of eligible units enrolled, in [0, 1]. Default 1. Raising it never moves a unit.</summary>
    public double Exposure { get; init; } = 1;

    /// <summary>The rollout stage. Default A/B.</summary>
    public RolloutStage Stage { get; init; } = RolloutStage.AB;

    /// <summary>Expected eligible units a day, for planning; <c>verdict plan --daily-traffic</c> overrides it.</summary>
    public double? DailyUnits { get; init; }

    /// <summary>The layer share this experiment owns, or null.</summary>
    public LayerShare? Layer { get; init; }

    /// <summary>The holdout applied before arms, or null.</summary>
    public Holdout? Holdout { get; init; }

    /// <summary>An explicit salt; null means <c>"{key}:v{version}"</c>, so a new version re-randomizes.</summary>
    public string? Salt { get; init; }

    /// <summary>Unit id → arm forced for QA (excluded from the lock: QA lists change while the experiment runs).</summary>
    public IReadOnlyDictionary<string, string> Forced { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}
