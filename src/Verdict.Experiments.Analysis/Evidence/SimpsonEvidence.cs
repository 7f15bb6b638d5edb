namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>Simpson's paradox: the pooled lift's sign, opposite every segment's, and the χ² p-value of the arms' mix across segments.</summary>
public sealed record SimpsonEvidence(double PooledLift, double PValue) : StepEvidence;
