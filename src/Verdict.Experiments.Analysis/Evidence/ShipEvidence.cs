using Verdict.Experiments.Metrics;
using Verdict.Experiments.Quantities;

namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>The reason SHIP gives: the primary lift and the minimum ship lift it clears.</summary>
public sealed record ShipEvidence(string Metric, double Lift, MetricUnit Unit, Quantity MinimumShipLift) : StepEvidence;
