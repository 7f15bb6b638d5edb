using Verdict.Experiments.Briefs;

namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>One segment's own sample-ratio tests: how many values, the per-value threshold (Bonferroni) and the values whose mix differs.</summary>
public sealed record SegmentSampleRatioEvidence(string Segment, int Values, double Threshold, IReadOnlyList<(string Value, double PValue)> Mismatched) : StepEvidence;
