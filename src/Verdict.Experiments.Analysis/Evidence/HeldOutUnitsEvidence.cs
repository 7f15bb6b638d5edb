namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>No held-out exposures logged under the holdout's key and version (<c>--holdout</c>).</summary>
public sealed record HeldOutUnitsEvidence(string Key, int Version, string Arm) : StepEvidence;
