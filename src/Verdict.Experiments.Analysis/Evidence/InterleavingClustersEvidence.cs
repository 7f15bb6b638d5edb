namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>Too few units for an interleaving brief's clustered standard error.</summary>
public sealed record InterleavingClustersEvidence(long Units, int Minimum) : StepEvidence;
