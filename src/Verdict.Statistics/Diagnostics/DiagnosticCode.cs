namespace Verdict.Statistics.Diagnostics;

/// <summary>Why a number is missing or should be read with care. Problems in data are results, not exceptions.</summary>
public enum DiagnosticCode
{
    /// <summary>An arm has no units.</summary>
    EmptyArm,

    /// <summary>An arm has too few units to estimate a variance (fewer than two).</summary>
    TooFewUnits,

    /// <summary>Both arms have zero variance, so the standard error is zero and no test is possible.</summary>
    ZeroVariance,

    /// <summary>The control mean (or denominator) is zero, so a relative lift is undefined.</summary>
    ZeroControlMean,

    /// <summary>A ratio metric's denominator sums to zero in an arm.</summary>
    ZeroDenominator,

    /// <summary>The covariate has zero variance, so CUPED falls back to the unadjusted estimate.</summary>
    ZeroCovariateVariance,

    /// <summary>An arm has planned weight zero and was left out of the test.</summary>
    ArmExcluded,

    /// <summary>Too few units for the normal approximation a method relies on.</summary>
    SmallSample,

    /// <summary>The requested quantile's order statistics fall outside the sample.</summary>
    QuantileOutOfRange,

    /// <summary>A logged decision has no logging propensity; it was left out of an off-policy estimate.</summary>
    MissingPropensity,

    /// <summary>A logged decision's propensity is zero (or outside (0, 1]), which the logger cannot have produced; it was left out.</summary>
    InvalidPropensity,

    /// <summary>A logged decision has a missing or non-finite reward or context feature; it was left out.</summary>
    MissingReward,

    /// <summary>An iterative computation stopped before it converged; its numbers are approximate.</summary>
    NotConverged,

    /// <summary>Importance weights concentrate on few decisions: the effective sample size is a small fraction of the sample.</summary>
    LowEffectiveSampleSize,

    /// <summary>Importance weights do not average to 1: propensities are wrong or the candidate picks actions the logger never takes.</summary>
    WeightImbalance,

    /// <summary>One decision carries a large share of the total importance weight.</summary>
    DominantWeight,

    /// <summary>A reward model could not be fitted as specified for an action and was reduced (fewer covariates or a plain mean).</summary>
    ReducedModel,

    /// <summary>The candidate policy's probabilities for a decision do not sum to 1.</summary>
    InvalidPolicy,

    /// <summary>Pre-period event-study leads are not flat: the parallel-trends assumption is doubtful.</summary>
    PreTrend,

    /// <summary>Too few clusters for cluster-robust standard errors to be reliable.</summary>
    FewClusters,
}
