using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;

namespace Verdict.Statistics.Did;

/// <summary>What <see cref="DifferenceInDifferences.Estimate"/> returns.</summary>
/// <param name="Refusal">Why the design was not estimated (staggered adoption, no control group, …); null when it was.</param>
/// <param name="AdoptionPeriod">The period the treated units adopted in.</param>
/// <param name="TreatedUnits">Units ever treated.</param>
/// <param name="ControlUnits">Units never treated.</param>
/// <param name="Clusters">Clusters of the covariance.</param>
/// <param name="Periods">Distinct periods.</param>
/// <param name="Observations">Unit-period observations used.</param>
/// <param name="Cells">The four means of the 2×2 comparison.</param>
/// <param name="TwoByTwo">The 2×2 estimate: y ~ 1 + treated + post + treated·post, clustered.</param>
/// <param name="TwoWayFixedEffects">y ~ D + unit + period fixed effects, clustered.</param>
/// <param name="EventStudy">Leads and lags from the event-study regression, the reference period −1 included as 0.</param>
/// <param name="PreTrend">The joint test of the leads; null with a single pre-period.</param>
/// <param name="Diagnostics">Problems in the data, if any.</param>
public sealed record DidResult(
    string? Refusal,
    int? AdoptionPeriod,
    int TreatedUnits,
    int ControlUnits,
    int Clusters,
    int Periods,
    int Observations,
    DidCells? Cells,
    Estimate TwoByTwo,
    Estimate TwoWayFixedEffects,
    IReadOnlyList<EventStudyCoefficient> EventStudy,
    PreTrendTest? PreTrend,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the design was estimated.</summary>
    public bool IsEstimated => Refusal is null;

    /// <summary>True when the refusal is staggered adoption, which <see cref="StaggeredDifferenceInDifferences"/> estimates.</summary>
    public bool IsStaggered { get; init; }
}
