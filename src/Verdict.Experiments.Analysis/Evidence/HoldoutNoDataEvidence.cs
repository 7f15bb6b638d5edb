namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>A metric without data to compare one arm with the holdout (<c>--holdout</c>).</summary>
public sealed record HoldoutNoDataEvidence(string Arm) : StepEvidence;
