namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>No analysed units in any arm of the experiment (<c>--holdout</c>).</summary>
public sealed record HoldoutExposedUnitsEvidence(string Experiment, int Version) : StepEvidence;
