using Verdict.Statistics.Paired;

namespace Verdict.Experiments.Analysis.Shadow;

/// <summary>Latency of the successful pairs of one kind (warm or cold): each side's mean and the paired difference (treatment − control, ms).</summary>
/// <param name="Pairs">Pairs where both calls succeeded.</param>
/// <param name="ControlMeanMs">Control's mean latency over those pairs.</param>
/// <param name="TreatmentMeanMs">Treatment's mean latency over those pairs.</param>
/// <param name="Difference">The paired t comparison of treatment − control (<see cref="PairedT"/>).</param>
public sealed record ShadowLatency(long Pairs, double ControlMeanMs, double TreatmentMeanMs, PairedDifference Difference);
