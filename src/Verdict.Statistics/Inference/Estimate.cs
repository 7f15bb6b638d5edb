namespace Verdict.Statistics.Inference;

/// <summary>
/// One estimated effect with its standard error, a two-sided confidence interval and p-values, all from the same
/// statistic, so "the interval excludes 0" and "p &lt; alpha" always agree. Numbers that cannot be computed are NaN.
/// </summary>
/// <param name="Value">The point estimate.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="CiLow">Lower end of the two-sided (1 − alpha) interval.</param>
/// <param name="CiHigh">Upper end of the two-sided (1 − alpha) interval.</param>
/// <param name="PValue">Two-sided p-value against 0.</param>
/// <param name="PValueGreater">One-sided p-value for the alternative "effect &gt; 0".</param>
/// <param name="PValueLess">One-sided p-value for the alternative "effect &lt; 0".</param>
/// <param name="DegreesOfFreedom">Student t degrees of freedom, or null for a normal reference.</param>
public readonly record struct Estimate(
    double Value,
    double StandardError,
    double CiLow,
    double CiHigh,
    double PValue,
    double PValueGreater,
    double PValueLess,
    double? DegreesOfFreedom = null)
{
    /// <summary>An estimate that could not be computed.</summary>
    public static Estimate Missing { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>True when every number is available.</summary>
    public bool IsAvailable => double.IsFinite(Value) && double.IsFinite(StandardError);

    /// <summary>
    /// Builds an estimate from a value and standard error against the standard normal (df null) or Student t.
    /// </summary>
    public static Estimate FromStatistic(double value, double standardError, double alpha, double? degreesOfFreedom = null)
    {
        Guard.Alpha(alpha);
        if (!double.IsFinite(value) || !double.IsFinite(standardError) || standardError < 0)
        {
            return Missing with { Value = value, StandardError = standardError, DegreesOfFreedom = degreesOfFreedom };
        }

        var reference = ReferenceDistribution.For(degreesOfFreedom);
        var critical = reference.Quantile(1 - (alpha / 2));
        if (standardError == 0)
        {
            // A degenerate but valid estimate: no uncertainty. p-values follow the sign.
            var pGreater = value > 0 ? 0 : 1;
            var pLess = value < 0 ? 0 : 1;
            return new Estimate(value, 0, value, value, value == 0 ? 1 : 0, pGreater, pLess, degreesOfFreedom);
        }

        var statistic = value / standardError;
        var upperTail = reference.UpperTail(statistic);
        var lowerTail = reference.UpperTail(-statistic);
        var twoSided = Math.Min(1, 2 * Math.Min(upperTail, lowerTail));
        return new Estimate(
            value,
            standardError,
            value - (critical * standardError),
            value + (critical * standardError),
            twoSided,
            upperTail,
            lowerTail,
            degreesOfFreedom);
    }
}
