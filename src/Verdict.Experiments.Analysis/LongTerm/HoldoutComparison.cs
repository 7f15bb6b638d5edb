namespace Verdict.Experiments.Analysis.LongTerm;

/// <summary>
/// One metric for one arm against the holdout: the comparison's control side is the holdout, its treatment side the
/// arm, so the lift is arm − holdout.
/// </summary>
public sealed record HoldoutComparison(string Role, string Arm, MetricComparison Comparison);
