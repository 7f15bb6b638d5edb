using Verdict.Experiments.Metrics;

namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>The primary metric in one segment value; a critical one regresses when its interval lies below 0.</summary>
public sealed record SegmentSliceEvidence(SegmentOutcome Slice, MetricUnit Unit) : StepEvidence;
