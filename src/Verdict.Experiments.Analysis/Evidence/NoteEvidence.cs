namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>Text given as it is by whoever built the check or reason (a hand-built check, a caller's own words); rendered unchanged.</summary>
public sealed record NoteEvidence(string Text) : StepEvidence;
