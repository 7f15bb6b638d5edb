namespace Verdict.Statistics;

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
}
