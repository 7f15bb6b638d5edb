namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>Text given as it is by whoever built the check or reason outside the analysis (a hand-built check in a test, a caller's own note); rendered unchanged. The analysis itself never uses it.</summary>
public sealed record NoteEvidence(string Text) : StepEvidence;
