namespace Verdict.Statistics.SufficientStatistics;

/// <summary>
/// Joint sufficient statistics of two per-unit values (x, y) in one arm: count, both means, both sums of squared
/// deviations and the co-deviation Σ(x − x̄)(y − ȳ). Serves ratio metrics (x = denominator, y = numerator) and
/// CUPED (x = pre-period covariate, y = outcome). Merged with the pairwise update of Chan, Golub and LeVeque
/// extended to the co-moment (Bennett et al. 2009, eq. 3.1).
/// </summary>
public readonly record struct BivariateMoments(long Count, double MeanX, double MeanY, double SxX, double SyY, double SxY)
{
    /// <summary>The empty sample.</summary>
    public static BivariateMoments Empty => default;

    /// <summary>The marginal moments of x.</summary>
    public Moments X => new(Count, MeanX, SxX);

    /// <summary>The marginal moments of y.</summary>
    public Moments Y => new(Count, MeanY, SyY);

    /// <summary>Sample covariance of x and y (n − 1 denominator); NaN below two units.</summary>
    public double Covariance => Count > 1 ? SxY / (Count - 1) : double.NaN;

    /// <summary>Pearson correlation of x and y; NaN when either has no spread.</summary>
    public double Correlation => SxX > 0 && SyY > 0 ? SxY / Math.Sqrt(SxX * SyY) : double.NaN;

    /// <summary>Builds the moments from raw sums (n, Σx, Σy, Σx², Σy², Σxy) as SQL returns them.</summary>
    public static BivariateMoments FromSums(long count, double sumX, double sumY, double sumXX, double sumYY, double sumXY)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Guard.Finite(sumX);
        Guard.Finite(sumY);
        Guard.Finite(sumXX);
        Guard.Finite(sumYY);
        Guard.Finite(sumXY);
        ArgumentOutOfRangeException.ThrowIfNegative(sumXX);
        ArgumentOutOfRangeException.ThrowIfNegative(sumYY);
        if (count == 0)
        {
            return Empty;
        }

        var mx = sumX / count;
        var my = sumY / count;
        return new BivariateMoments(
            count,
            mx,
            my,
            Math.Max(sumXX - (sumX * mx), 0),
            Math.Max(sumYY - (sumY * my), 0),
            sumXY - (sumX * my));
    }

    /// <summary>Builds the moments from raw pairs (for tests and small samples).</summary>
    public static BivariateMoments FromValues(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("x and y must have the same length", nameof(y));
        }

        var result = Empty;
        for (var i = 0; i < x.Length; i++)
        {
            result += new BivariateMoments(1, x[i], y[i], 0, 0, 0);
        }

        return result;
    }

    /// <summary>Merges two disjoint samples.</summary>
    public static BivariateMoments operator +(BivariateMoments left, BivariateMoments right)
    {
        if (left.Count == 0)
        {
            return right;
        }

        if (right.Count == 0)
        {
            return left;
        }

        var n = left.Count + right.Count;
        var dx = right.MeanX - left.MeanX;
        var dy = right.MeanY - left.MeanY;
        var weight = (double)left.Count * right.Count / n;
        return new BivariateMoments(
            n,
            left.MeanX + (dx * right.Count / n),
            left.MeanY + (dy * right.Count / n),
            left.SxX + right.SxX + (dx * dx * weight),
            left.SyY + right.SyY + (dy * dy * weight),
            left.SxY + right.SxY + (dx * dy * weight));
    }

    /// <summary>Merges two disjoint samples; the named alternative to <c>+</c>.</summary>
    public static BivariateMoments Add(BivariateMoments left, BivariateMoments right) => left + right;
}
