using Verdict.Statistics.Did;

namespace Verdict.Storage.Panels;

/// <summary>A metric per unit and period read from the store, ready for <see cref="DifferenceInDifferences"/>.</summary>
/// <param name="Observations">One row per unit and period; <see cref="PanelObservation.Period"/> counts periods from adoption (0 = the first period after it).</param>
/// <param name="Units">Unit ids, indexed by <see cref="PanelObservation.Unit"/>.</param>
/// <param name="Clusters">Cluster labels (unit ids or group values), indexed by <see cref="PanelObservation.Cluster"/>.</param>
/// <param name="Filled">Unit-periods in which the unit had none of the metric's events, counted as 0 (binary, count and sum metrics).</param>
public sealed record MetricPanel(IReadOnlyList<PanelObservation> Observations, IReadOnlyList<string> Units, IReadOnlyList<string> Clusters, long Filled);
