using Verdict.Client.Wire;

namespace Verdict.Client;

/// <summary>
/// What the SDK decided for one unit: the arm to serve (its receipt and hash) and whether the unit is in the
/// experiment. When it is not (unknown experiment, no config yet, not exposed, paused for a new unit, stopped) the arm
/// is control, or null when no config has ever arrived; only in-experiment assignments are logged as exposures.
/// </summary>
public sealed record VerdictAssignment(string Experiment, int Version, string UnitId, ArmConfig? Arm, bool InExperiment, string Status)
{
    /// <summary>The served arm's name, or null when the SDK knows nothing of the experiment.</summary>
    public string? ArmName => Arm?.Name;

    /// <summary>For a bandit: the period whose cohort enrolled the unit; null otherwise.</summary>
    public int? BanditPeriod { get; init; }

    /// <summary>For a bandit: the probability a unit of that cohort gets this arm (the arm's share of the cohort); null otherwise.</summary>
    public double? Propensity { get; init; }
}
