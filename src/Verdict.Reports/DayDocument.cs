using Verdict.Statistics.Inference;

namespace Verdict.Reports;

/// <summary>The primary metric among units enrolled on one day.</summary>
public sealed record DayDocument(string Day, long ControlUnits, long TreatmentUnits, LiftDocument Lift);
