namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>A fixed-horizon plan's planned units per arm and the arms short of their target.</summary>
public sealed record PlannedSampleEvidence(long Planned, IReadOnlyList<(string Arm, long Units, long Needed)> Behind) : StepEvidence;
