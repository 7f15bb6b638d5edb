using Verdict.Experiments;
using Verdict.Experiments.Analysis;
using Verdict.Statistics;

namespace Verdict.Reports;

/// <summary>The primary metric inside a segment value.</summary>
public sealed record SegmentDocument(string Segment, string Value, bool Critical, long ControlUnits, long TreatmentUnits, LiftDocument Lift, double? SrmPValue);
