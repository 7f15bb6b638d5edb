using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;

namespace Verdict.Statistics.Did;

/// <summary>What <see cref="StaggeredDifferenceInDifferences.Estimate"/> returns.</summary>
/// <param name="Refusal">Why the design was not estimated; null when it was.</param>
/// <param name="TreatedUnits">Units ever treated.</param>
/// <param name="ControlUnits">Never-treated units (the comparison group).</param>
/// <param name="Clusters">Clusters of the influence-function covariance.</param>
/// <param name="GroupTime">ATT(g, t) for every cohort and period but the cohort's base period g − 1.</param>
/// <param name="Overall">The average of ATT(g, t) over post-adoption cells (t ≥ g), weighted by cohort size.</param>
/// <param name="EventStudy">θ(e), the average of ATT(g, g + e) over cohorts weighted by size; e = −1 is the reference (0).</param>
/// <param name="PreTrend">The joint Wald test that θ(e) = 0 for every lead e ≤ −2 (χ², reported as χ²/q with infinite denominator df); null without leads.</param>
/// <param name="Diagnostics">Problems in the data, if any.</param>
public sealed record StaggeredDidResult(
    string? Refusal,
    int TreatedUnits,
    int ControlUnits,
    int Clusters,
    IReadOnlyList<GroupTimeEffect> GroupTime,
    Estimate Overall,
    IReadOnlyList<EventStudyCoefficient> EventStudy,
    PreTrendTest? PreTrend,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the design was estimated.</summary>
    public bool IsEstimated => Refusal is null;
}
