using Verdict.Experiments.Briefs;
using Verdict.Statistics.Inference;

namespace Verdict.Reports;

/// <summary>The primary metric inside a segment value.</summary>
public sealed record SegmentDocument(string Segment, string Value, bool Critical, long ControlUnits, long TreatmentUnits, LiftDocument Lift, double? SrmPValue);
