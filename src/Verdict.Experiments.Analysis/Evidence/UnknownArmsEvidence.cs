namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>Exposures naming an arm the brief does not declare.</summary>
public sealed record UnknownArmsEvidence(long Exposures) : StepEvidence;
