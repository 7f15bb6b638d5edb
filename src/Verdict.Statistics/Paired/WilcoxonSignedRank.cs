using MathNet.Numerics.Distributions;
using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.Paired;

/// <summary>
/// The Wilcoxon signed-rank test of paired differences (Wilcoxon 1945), matching scipy 1.10 <c>wilcoxon</c> with
/// <c>zero_method="wilcox"</c>: zeros are dropped; with at most 50 non-zero differences and no ties or zeros the
/// p-value is exact (the distribution of R⁺ by counting subsets); otherwise the normal approximation with the
/// tie-corrected variance n(n+1)(2n+1)/24 − Σ(t³ − t)/48 (Hollander &amp; Wolfe 1999, §3.1), optionally with a
/// continuity correction of ½.
/// </summary>
public static class WilcoxonSignedRank
{
    /// <summary>Largest number of differences for which the exact distribution is used.</summary>
    public const int ExactLimit = 50;

    /// <summary>Tests whether the differences are symmetric about 0.</summary>
    public static WilcoxonResult Test(IReadOnlyList<double> differences, bool continuityCorrection = false)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var diagnostics = new List<Diagnostic>();
        var nonZero = new List<double>(differences.Count);
        var zeros = 0;
        foreach (var d in differences)
        {
            Guard.Finite(d, nameof(differences));
            if (d == 0) { zeros++; } else { nonZero.Add(d); }
        }

        var n = nonZero.Count;
        if (n == 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCode.ZeroVariance, "every difference is zero, so there is nothing to rank"));
            return new WilcoxonResult(0, 0, 0, double.NaN, 1, WilcoxonMethod.Exact, diagnostics);
        }

        var (ranks, tieTerm) = MidRanks(nonZero);
        double rPlus = 0, rMinus = 0;
        for (var i = 0; i < n; i++)
        {
            if (nonZero[i] > 0) { rPlus += ranks[i]; } else { rMinus += ranks[i]; }
        }

        if (n <= ExactLimit && zeros == 0 && tieTerm == 0)
        {
            return new WilcoxonResult(n, rPlus, rMinus, double.NaN, ExactPValue(n, (int)rPlus), WilcoxonMethod.Exact, diagnostics);
        }

        if (n < 10)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCode.SmallSample, $"only {n} non-zero differences with ties or zeros: the normal approximation is rough"));
        }

        var mean = n * (n + 1.0) / 4;
        var variance = ((n * (n + 1.0) * ((2.0 * n) + 1)) - (0.5 * tieTerm)) / 24;
        var t = Math.Min(rPlus, rMinus);
        var correction = continuityCorrection ? 0.5 * Math.Sign(t - mean) : 0;
        var z = variance > 0 ? (t - mean - correction) / Math.Sqrt(variance) : 0;
        var p = Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
        return new WilcoxonResult(n, rPlus, rMinus, z, p, WilcoxonMethod.NormalApproximation, diagnostics);
    }

    /// <summary>Mid-ranks of |d| and the tie term Σ t(t² − 1) over groups of tied absolute values.</summary>
    private static (double[] Ranks, double TieTerm) MidRanks(List<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => Math.Abs(values[i])).ToArray();
        var ranks = new double[values.Count];
        double tieTerm = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && Math.Abs(values[order[end + 1]]) == Math.Abs(values[order[start]]))
            {
                end++;
            }

            var rank = (start + end + 2) / 2.0;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            double t = end - start + 1;
            tieTerm += t * ((t * t) - 1);
            start = end + 1;
        }

        return (ranks, tieTerm);
    }

    /// <summary>Two-sided exact p-value: twice the smaller tail of R⁺, whose null counts come from subset sums of 1..n.</summary>
    private static double ExactPValue(int n, int rPlus)
    {
        var max = n * (n + 1) / 2;
        var counts = new double[max + 1];
        counts[0] = 1;
        for (var k = 1; k <= n; k++)
        {
            for (var s = max; s >= k; s--)
            {
                counts[s] += counts[s - k];
            }
        }

        if (rPlus == max / 2)
        {
            return 1;
        }

        var total = Math.Pow(2, n);
        double less = 0, greater = 0;
        for (var s = 0; s <= max; s++)
        {
            if (s <= rPlus) { less += counts[s]; }
            if (s >= rPlus) { greater += counts[s]; }
        }

        return Math.Min(1, 2 * Math.Min(less, greater) / total);
    }
}
