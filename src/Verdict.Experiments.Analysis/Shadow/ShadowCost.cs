using Verdict.Statistics.Paired;

namespace Verdict.Experiments.Analysis.Shadow;

/// <summary>Cost of the pairs where both calls were priced: each side's total and mean, and the paired difference (treatment − control, USD a call).</summary>
/// <param name="Pairs">Pairs where both calls carry a cost.</param>
/// <param name="ControlTotalUsd">Control's total cost over those pairs.</param>
/// <param name="TreatmentTotalUsd">Treatment's total cost over those pairs.</param>
/// <param name="Difference">The paired t comparison of treatment − control per call (<see cref="PairedT"/>).</param>
public sealed record ShadowCost(long Pairs, double ControlTotalUsd, double TreatmentTotalUsd, PairedDifference Difference);
