namespace Verdict.Assignment;

/// <summary>Why a unit is or is not in the experiment.</summary>
public enum AssignmentStatus
{
    /// <summary>Hashed into an arm's active range: in the experiment.</summary>
    Assigned,

    /// <summary>Put in an arm by a forced assignment (QA): in the experiment, and excluded from analysis by the caller.</summary>
    Forced,

    /// <summary>In an arm's slot but beyond the current exposure: sees the default experience, not logged.</summary>
    NotExposed,

    /// <summary>In the global holdout.</summary>
    HeldOut,

    /// <summary>Hashed into a part of the layer another experiment owns.</summary>
    OutsideLayer,
}
