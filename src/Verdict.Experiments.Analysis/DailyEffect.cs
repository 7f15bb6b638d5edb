using Verdict.Statistics.Inference;

namespace Verdict.Experiments.Analysis;

/// <summary>The primary metric's lift among units first exposed on one UTC day.</summary>
public sealed record DailyEffect(DateOnly Day, long ControlUnits, long TreatmentUnits, Lift Lift);
