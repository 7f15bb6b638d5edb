using Verdict.Experiments.Briefs;
using Verdict.Statistics.Inference;

namespace Verdict.Experiments.Analysis;

/// <summary>The primary metric inside one segment value, with that segment's own sample-ratio test.</summary>
public sealed record SegmentOutcome(string Segment, string Value, bool Critical, long ControlUnits, long TreatmentUnits, Lift Lift, double SrmPValue);
