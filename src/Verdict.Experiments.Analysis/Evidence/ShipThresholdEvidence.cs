using Verdict.Experiments.Metrics;
using Verdict.Experiments.Quantities;

namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>The observed lift (relative when the threshold is, else in the metric's unit) against the registered minimum ship lift.</summary>
public sealed record ShipThresholdEvidence(double Observed, MetricUnit Unit, Quantity MinimumShipLift) : StepEvidence;
