namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>Exposures under the holdout's key naming another arm than the holdout's (<c>--holdout</c>).</summary>
public sealed record HoldoutArmsEvidence(string Key, long Exposures, string Arm) : StepEvidence;
