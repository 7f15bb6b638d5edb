using Verdict.Statistics.Inference;

namespace Verdict.Statistics.Guardrails;

/// <summary>
/// One-sided non-inferiority test of an estimated change against a margin ("p95 latency must not rise by more than
/// 150 ms"): with an increase harmful, H0: Δ ≥ m is rejected when Δ̂ + z₁₋α·SE &lt; m, p = Φ((Δ̂ − m)/SE); mirrored
/// when a decrease is harmful (margin negative). Wellek 2010, ch. 1; Kohavi, Tang and Xu 2020, ch. 21.
/// </summary>
public static class NonInferiority
{
    /// <summary>Tests an estimate and its standard error against <paramref name="margin"/> at one-sided <paramref name="alpha"/>.</summary>
    public static NonInferiorityResult Test(double estimate, double standardError, double margin, NonInferiorityDirection direction, double alpha = 0.05, double? degreesOfFreedom = null)
    {
        Guard.Finite(estimate);
        Guard.Finite(standardError);
        ArgumentOutOfRangeException.ThrowIfNegative(standardError);
        Guard.Finite(margin);
        Guard.Alpha(alpha);
        var reference = ReferenceDistribution.For(degreesOfFreedom);
        var critical = reference.Quantile(1 - alpha);
        if (direction == NonInferiorityDirection.IncreaseIsBad)
        {
            var bound = estimate + (critical * standardError);
            var p = standardError > 0 ? reference.UpperTail((margin - estimate) / standardError) : estimate < margin ? 0 : 1;
            return new NonInferiorityResult(bound < margin, bound, margin, p, direction, alpha);
        }
        else
        {
            var bound = estimate - (critical * standardError);
            var p = standardError > 0 ? reference.UpperTail((estimate - margin) / standardError) : estimate > margin ? 0 : 1;
            return new NonInferiorityResult(bound > margin, bound, margin, p, direction, alpha);
        }
    }

    /// <summary>Tests the absolute (or relative) part of a lift.</summary>
    public static NonInferiorityResult Test(Estimate estimate, double margin, NonInferiorityDirection direction, double alpha = 0.05)
    {
        return Test(estimate.Value, estimate.StandardError, margin, direction, alpha, estimate.DegreesOfFreedom);
    }
}
