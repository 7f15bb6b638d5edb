using Verdict.Experiments.Metrics;

namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>The primary metric in one segment value; whether its interval lies below 0 (a critical one then regresses).</summary>
public sealed record SegmentSliceEvidence(SegmentOutcome Slice, MetricUnit Unit, bool Regressed) : StepEvidence;
