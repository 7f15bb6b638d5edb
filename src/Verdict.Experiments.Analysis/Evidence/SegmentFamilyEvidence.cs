using Verdict.Experiments.Metrics;

namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>Benjamini–Hochberg across every tested slice: how many, across how many segments, and the slices below alpha with their q-values.</summary>
public sealed record SegmentFamilyEvidence(int Slices, int Segments, double Alpha, IReadOnlyList<(SegmentOutcome Slice, double Q)> Discoveries, MetricUnit Unit) : StepEvidence;
