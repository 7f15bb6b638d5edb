using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;

namespace Verdict.Statistics.Heterogeneity;

/// <summary>Whether an effect differs between disjoint slices: Cochran's Q, its χ² test, I², and the pooled (inverse-variance) effect.</summary>
/// <param name="Slices">Slices with a usable estimate (finite, positive standard error).</param>
/// <param name="Q">Cochran's Q = Σ wᵢ (θᵢ − θ̄)², wᵢ = 1/SEᵢ².</param>
/// <param name="DegreesOfFreedom">Slices − 1.</param>
/// <param name="PValue">P(χ²(slices − 1) &gt; Q): small when the slices' effects differ.</param>
/// <param name="ISquared">Higgins and Thompson's I² = max(0, (Q − df)/Q): the share of the spread not due to chance.</param>
/// <param name="Pooled">The inverse-variance weighted mean effect θ̄ with SE = 1/√Σwᵢ.</param>
/// <param name="Diagnostics">Slices left out, or too few slices to test.</param>
public sealed record HeterogeneityResult(int Slices, double Q, int DegreesOfFreedom, double PValue, double ISquared, Estimate Pooled, IReadOnlyList<Diagnostic> Diagnostics);
