namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>A metric that could not be estimated: its absent events, or the comparison's diagnostics (null comparison: no cells).</summary>
public sealed record NoEstimateEvidence(string Metric, AbsentEventsEvidence? Absence, MetricComparison? Comparison) : StepEvidence;
