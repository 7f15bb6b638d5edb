namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>No exposures of the brief's key and version; the versions of the key the store does have (null when the source does not say, empty when the key is absent).</summary>
public sealed record NoExposuresEvidence(string Experiment, int Version, IReadOnlyList<int>? VersionsInStore) : StepEvidence;
