namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>Too few enrollment days (fewer than three) to look for novelty.</summary>
public sealed record FewDaysEvidence(int Days) : StepEvidence;
