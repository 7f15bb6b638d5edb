using Verdict.Experiments.Metrics;
using Verdict.Statistics.Inference;

namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>A metric's absolute lift in its unit (the primary's direction, a guardrail without a budget).</summary>
public sealed record LiftEvidence(string Metric, Estimate Lift, MetricUnit Unit) : StepEvidence;
