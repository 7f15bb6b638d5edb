using MathNet.Numerics.Distributions;
using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.Paired;

/// <summary>
/// The exact sign test: under H0 the number of positive differences among the non-zero ones is Binomial(n, ½)
/// (Conover 1999, §3.4; scipy <c>binomtest(k, n, 0.5)</c>). Zero differences are dropped.
/// </summary>
public static class SignTest
{
    /// <summary>Tests whether positive and negative differences are equally likely.</summary>
    public static SignTestResult Test(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        int positive = 0, negative = 0, zeros = 0;
        foreach (var d in differences)
        {
            Guard.Finite(d, nameof(differences));
            if (d > 0) { positive++; }
            else if (d < 0) { negative++; }
            else { zeros++; }
        }

        var n = positive + negative;
        if (n == 0)
        {
            return new SignTestResult(0, 0, zeros, 1, 1, 1,
                [new Diagnostic(DiagnosticCode.ZeroVariance, "every difference is zero, so the sign test has nothing to count")]);
        }

        // P(X >= k) = P(X <= n − k) by the symmetry of Binomial(n, 1/2), which avoids 1 − CDF cancellation;
        // the two-sided p doubles the smaller tail.
        var greater = Binomial.CDF(0.5, n, n - positive);
        var less = Binomial.CDF(0.5, n, positive);
        var twoSided = Math.Min(1, 2 * Math.Min(greater, less));
        return new SignTestResult(positive, negative, zeros, twoSided, greater, less, []);
    }
}
