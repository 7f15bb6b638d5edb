namespace Verdict.Statistics.Paired;

/// <summary>How a Wilcoxon signed-rank p-value was computed.</summary>
public enum WilcoxonMethod
{
    /// <summary>The exact null distribution of R⁺ (no ties, no zeros, at most 50 differences).</summary>
    Exact,

    /// <summary>The normal approximation with tie correction.</summary>
    NormalApproximation,
}
