using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;

namespace Verdict.Statistics.VarianceReduction;

/// <summary>
/// A CUPED comparison: the adjusted lift beside the unadjusted one, the pooled θ, and the share of the lift's
/// variance that adjustment removed (1 − SE²_adjusted / SE²_unadjusted).
/// </summary>
public readonly record struct CupedResult(double Theta, Lift Adjusted, Lift Unadjusted, double VarianceReduction, IReadOnlyList<Diagnostic> Diagnostics);
