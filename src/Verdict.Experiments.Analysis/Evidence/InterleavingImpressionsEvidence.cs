namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>An interleaving brief's impressions: the interleaved queries (none: nothing to test) and the units they came from.</summary>
public sealed record InterleavingImpressionsEvidence(string Experiment, string ImpressionEvent, long Queries, long Units) : StepEvidence;
