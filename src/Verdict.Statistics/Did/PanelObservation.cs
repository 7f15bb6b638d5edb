namespace Verdict.Statistics.Did;

/// <summary>One unit in one period of a panel: its outcome and whether it was treated then.</summary>
/// <param name="Unit">The unit (a user, a tenant, a region).</param>
/// <param name="Period">The period; periods are ordered by this number and relative time counts distinct periods.</param>
/// <param name="Cluster">The cluster the rollout was assigned at (use the unit when it was assigned per unit).</param>
/// <param name="Treated">True when the change was live for this unit in this period.</param>
/// <param name="Outcome">The metric's value for the unit in the period.</param>
public readonly record struct PanelObservation(int Unit, int Period, int Cluster, bool Treated, double Outcome);
