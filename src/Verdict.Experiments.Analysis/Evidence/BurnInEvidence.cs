namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>The registered burn-in (zero when none) and the units it excluded.</summary>
public sealed record BurnInEvidence(TimeSpan BurnIn, long Units) : StepEvidence;
