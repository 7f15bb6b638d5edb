namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>A group-sequential plan's information fraction against its registered looks.</summary>
public sealed record LookReachedEvidence(double Fraction, IReadOnlyList<double> Looks, bool Reached) : StepEvidence;
