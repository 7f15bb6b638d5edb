using Verdict.Statistics.Inference;

namespace Verdict.Reports;

/// <summary>The primary metric among units enrolled up to and including one day.</summary>
public sealed record CumulativeDocument(string Through, long ControlUnits, long TreatmentUnits, LiftDocument Lift, double? InformationFraction);
