namespace Verdict.Server.Endpoints;

/// <summary>
/// The answer of <c>POST /api/v1/assign</c>: the arm to serve (control when the unit is not in the experiment), whether
/// the unit is in it (log an exposure only then), its bucket, why, and the served arm's receipt hash.
/// </summary>
public sealed record AssignResponse(string Experiment, int Version, string UnitId, string Arm, bool InExperiment, int Bucket, string Status, string ReceiptHash)
{
    /// <summary>For an enrolled unit of a bandit: the period whose cohort enrolled it; absent otherwise.</summary>
    public int? BanditPeriod { get; init; }

    /// <summary>For an enrolled unit of a bandit: its arm's share of that cohort (log it on the exposure); absent otherwise.</summary>
    public double? Propensity { get; init; }
}
