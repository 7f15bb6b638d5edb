using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;

namespace Verdict.Statistics.OffPolicy;

/// <summary>What <see cref="OffPolicyEvaluation.Evaluate"/> returns: the three estimates, the weights and what went wrong in the data.</summary>
/// <param name="Decisions">Decisions used.</param>
/// <param name="Dropped">Decisions left out (missing or invalid propensity or reward).</param>
/// <param name="Logged">The logging policy's value: the mean reward, with its interval.</param>
/// <param name="Estimates">IPS, self-normalized IPS and doubly robust, in that order.</param>
/// <param name="Weights">The importance-weight distribution.</param>
/// <param name="ClippingBias">With clipping: the clipped IPS value minus the unclipped one, a plug-in estimate of the bias clipping adds (≤ 0 for non-negative rewards); NaN without clipping.</param>
/// <param name="Diagnostics">Problems in the data, if any.</param>
public sealed record OffPolicyResult(
    int Decisions,
    int Dropped,
    Estimate Logged,
    IReadOnlyList<OffPolicyEstimate> Estimates,
    ImportanceWeights Weights,
    double ClippingBias,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The estimate of <paramref name="estimator"/>.</summary>
    public OffPolicyEstimate this[OffPolicyEstimator estimator] => Estimates.First(e => e.Estimator == estimator);
}
