using Verdict.Experiments.Metrics;
using Verdict.Statistics.Inference;

namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>A critical slice moving against an improving average; it blocks the launch when its interval lies below 0.</summary>
public sealed record CriticalSliceEvidence(SegmentOutcome Slice, Estimate Average, MetricUnit Unit, bool Blocks) : StepEvidence;
