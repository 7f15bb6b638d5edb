using Verdict.Statistics.MultipleTesting;

namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>A secondary comparison with its registered correction (<see cref="MetricComparison.AdjustedPValue"/>) and whether it is significant at the brief's alpha.</summary>
public sealed record SecondaryEvidence(MetricComparison Comparison, PValueAdjustmentMethod Method, bool Significant) : StepEvidence;
