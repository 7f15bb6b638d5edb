using MathNet.Numerics.Distributions;

namespace Verdict.Statistics.MultipleTesting;

/// <summary>
/// Adjusted p-values for a family of tests (Holm 1979; Benjamini and Hochberg 1995; statsmodels
/// <c>multipletests</c>), monotone in the raw p-values, never below them and capped at 1, returned in input order;
/// and confidence intervals back-solved from adjusted p-values.
/// </summary>
public static class PValueAdjustment
{
    /// <summary>Adjusts <paramref name="pValues"/> with <paramref name="method"/>.</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues, PValueAdjustmentMethod method)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        foreach (var p in pValues)
        {
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(pValues), p, "p-values must lie in [0, 1]");
            }
        }

        var adjusted = new double[m];
        if (m == 0)
        {
            return adjusted;
        }

        // Stable sort keeps ties in input order, like statsmodels' mergesort.
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        switch (method)
        {
            case PValueAdjustmentMethod.None:
                for (var i = 0; i < m; i++)
                {
                    adjusted[i] = pValues[i];
                }

                break;
            case PValueAdjustmentMethod.Bonferroni:
                for (var i = 0; i < m; i++)
                {
                    adjusted[i] = Math.Min(1, pValues[i] * m);
                }

                break;
            case PValueAdjustmentMethod.Holm:
                var runningMax = 0.0;
                for (var rank = 0; rank < m; rank++)
                {
                    var i = order[rank];
                    runningMax = Math.Max(runningMax, Math.Min(1, (m - rank) * pValues[i]));
                    adjusted[i] = runningMax;
                }

                break;
            case PValueAdjustmentMethod.BenjaminiHochberg:
                var runningMin = 1.0;
                for (var rank = m - 1; rank >= 0; rank--)
                {
                    var i = order[rank];
                    runningMin = Math.Min(runningMin, pValues[i] * m / (rank + 1));
                    adjusted[i] = Math.Min(1, runningMin);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "unknown adjustment method");
        }

        return adjusted;
    }

    /// <summary>
    /// A two-sided (1 − alpha) interval consistent with an adjusted p-value: the standard error is inflated to
    /// |estimate| / z₁₋ₚ′/₂ so that the interval excludes 0 exactly when the adjusted p-value is below alpha
    /// (the back-solving GrowthBook uses for corrected intervals). An adjusted p of 1 gives an unbounded interval.
    /// </summary>
    public static (double Low, double High) AdjustedInterval(double estimate, double standardError, double adjustedPValue, double alpha = 0.05)
    {
        Guard.Finite(estimate);
        Guard.Alpha(alpha);
        Guard.Probability(adjustedPValue);
        var critical = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        if (estimate == 0 || adjustedPValue >= 1)
        {
            return estimate == 0 && standardError == 0 ? (0, 0) : (double.NegativeInfinity, double.PositiveInfinity);
        }

        var zAdjusted = Normal.InvCDF(0, 1, 1 - (adjustedPValue / 2));
        var se = zAdjusted > 0 ? Math.Abs(estimate) / zAdjusted : standardError;
        return (estimate - (critical * se), estimate + (critical * se));
    }

    /// <summary>Parses "bonferroni", "holm", "bh" (also "fdr_bh", "benjamini-hochberg") or "none".</summary>
    public static PValueAdjustmentMethod ParseMethod(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToUpperInvariant() switch
        {
            "NONE" => PValueAdjustmentMethod.None,
            "BONFERRONI" => PValueAdjustmentMethod.Bonferroni,
            "HOLM" => PValueAdjustmentMethod.Holm,
            "BH" or "FDR_BH" or "BENJAMINI-HOCHBERG" or "BENJAMINIHOCHBERG" => PValueAdjustmentMethod.BenjaminiHochberg,
            _ => throw new ArgumentException($"unknown multiple-testing method \"{text}\"; expected bonferroni, holm, bh or none", nameof(text)),
        };
    }
}
