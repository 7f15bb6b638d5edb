using Verdict.Experiments;
using Verdict.Experiments.Analysis;
using Verdict.Statistics;

namespace Verdict.Reports;

/// <summary>The primary metric among units enrolled on one day.</summary>
public sealed record DayDocument(string Day, long ControlUnits, long TreatmentUnits, LiftDocument Lift);
