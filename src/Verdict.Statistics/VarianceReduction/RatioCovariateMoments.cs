using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Statistics.VarianceReduction;

/// <summary>
/// Sufficient statistics for CUPED on a ratio metric in one arm: per unit the numerator, denominator, and the
/// pre-period numerator and denominator, as their count, sums and the sums of all pairwise products
/// (in the order num, den, pre-num, pre-den). SQL returns exactly these.
/// </summary>
public sealed record RatioCovariateMoments
{
    private readonly double[] sums;
    private readonly double[,] products;

    /// <summary>Creates the statistics from the count, the four sums and the 4×4 symmetric matrix of product sums.</summary>
    public RatioCovariateMoments(long count, IReadOnlyList<double> sums, double[,] productSums)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(sums);
        ArgumentNullException.ThrowIfNull(productSums);
        if (sums.Count != 4 || productSums.GetLength(0) != 4 || productSums.GetLength(1) != 4)
        {
            throw new ArgumentException("expected four sums (num, den, pre-num, pre-den) and a 4×4 product matrix", nameof(sums));
        }

        Count = count;
        this.sums = [.. sums];
        products = (double[,])productSums.Clone();
    }

    /// <summary>Number of units.</summary>
    public long Count { get; }

    /// <summary>The outcome ratio's moments (x = denominator, y = numerator).</summary>
    public BivariateMoments Outcome => Pair(1, 0);

    /// <summary>The pre-period ratio's moments (x = pre-denominator, y = pre-numerator).</summary>
    public BivariateMoments PrePeriod => Pair(3, 2);

    /// <summary>Σ of variable <paramref name="i"/>.</summary>
    public double Sum(int i) => sums[i];

    /// <summary>Builds the statistics from raw per-unit rows (for tests and small samples).</summary>
    public static RatioCovariateMoments FromValues(ReadOnlySpan<double> num, ReadOnlySpan<double> den, ReadOnlySpan<double> preNum, ReadOnlySpan<double> preDen)
    {
        var s = new double[4];
        var p = new double[4, 4];
        Span<double> row = stackalloc double[4];
        for (var u = 0; u < num.Length; u++)
        {
            row[0] = num[u];
            row[1] = den[u];
            row[2] = preNum[u];
            row[3] = preDen[u];
            for (var i = 0; i < 4; i++)
            {
                s[i] += row[i];
                for (var j = 0; j < 4; j++)
                {
                    p[i, j] += row[i] * row[j];
                }
            }
        }

        return new RatioCovariateMoments(num.Length, s, p);
    }

    /// <summary>Sample covariance of variables i and j (n − 1 denominator).</summary>
    public double Covariance(int i, int j) => (products[i, j] - (sums[i] * sums[j] / Count)) / (Count - 1);

    private BivariateMoments Pair(int x, int y) =>
        BivariateMoments.FromSums(Count, sums[x], sums[y], products[x, x], products[y, y], products[x, y]);

    /// <summary>
    /// The delta-method linearization ℓ = (num − R·den)/μ_den (y) and m = (pnum − P·pden)/μ_pden (x) as
    /// zero-mean moments, with the arm's ratio R and pre-period ratio P.
    /// </summary>
    internal (BivariateMoments Linear, double Ratio, double PreRatio) Linearize()
    {
        var n = (double)Count;
        var mn = sums[0] / n;
        var md = sums[1] / n;
        var mpn = sums[2] / n;
        var mpd = sums[3] / n;
        var r = mn / md;
        var p = mpn / mpd;
        var varL = (Covariance(0, 0) - (2 * r * Covariance(0, 1)) + (r * r * Covariance(1, 1))) / (md * md);
        var varM = (Covariance(2, 2) - (2 * p * Covariance(2, 3)) + (p * p * Covariance(3, 3))) / (mpd * mpd);
        var cov = (Covariance(0, 2) - (p * Covariance(0, 3)) - (r * Covariance(1, 2)) + (r * p * Covariance(1, 3))) / (md * mpd);
        var scale = n - 1;
        return (new BivariateMoments(Count, 0, 0, Math.Max(varM, 0) * scale, Math.Max(varL, 0) * scale, cov * scale), r, p);
    }
}
