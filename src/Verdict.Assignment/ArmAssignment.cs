namespace Verdict.Assignment;

/// <summary>
/// The outcome of assigning one unit: the arm's index in declaration order (−1 when not in the experiment), the
/// unit's bucket under the experiment salt, and why.
/// </summary>
public readonly record struct ArmAssignment(int Arm, int Bucket, AssignmentStatus Status)
{
    /// <summary>True when the unit receives an arm (hashed or forced).</summary>
    public bool InExperiment => Status is AssignmentStatus.Assigned or AssignmentStatus.Forced;
}
