namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>The primary comparison at the alpha it was read at.</summary>
public sealed record PrimaryIntervalEvidence(MetricComparison Primary, double Alpha) : StepEvidence;
