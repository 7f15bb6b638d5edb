using Verdict.Statistics.Inference;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// The primary metric's lift among every unit first exposed on or before <see cref="Through"/>: how the estimate and its
/// interval tightened as enrollment went on. <see cref="InformationFraction"/> is the share of the planned units reached.
/// </summary>
public sealed record CumulativeEffect(DateOnly Through, long ControlUnits, long TreatmentUnits, Lift Lift, double? InformationFraction);
