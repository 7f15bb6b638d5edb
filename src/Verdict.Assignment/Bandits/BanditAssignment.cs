namespace Verdict.Assignment.Bandits;

/// <summary>
/// Where a unit stands in a bandit: its arm index and the period whose cohort enrolled it (both −1 when its bucket is
/// in no open cohort yet), its bucket, and the arm's propensity in that period (0 when not enrolled).
/// </summary>
public readonly record struct BanditAssignment(int Arm, int Period, int Bucket, double Propensity)
{
    /// <summary>True when the unit is enrolled.</summary>
    public bool IsEnrolled => Arm >= 0;
}
