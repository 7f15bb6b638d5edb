namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>A metric none of whose events is in the store: nothing to test.</summary>
public sealed record AbsentEventsEvidence(string Metric, IReadOnlyList<string> Events) : StepEvidence;
