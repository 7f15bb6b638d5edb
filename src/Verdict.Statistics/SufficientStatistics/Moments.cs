namespace Verdict.Statistics.SufficientStatistics;

/// <summary>
/// Count, mean and sum of squared deviations of one metric in one arm: the sufficient statistics of a mean.
/// Stored centred (not as Σy and Σy²) so that variances stay accurate when the mean is large next to the
/// spread; merged with the pairwise update of Chan, Golub and LeVeque (1979), so <c>+</c> is exact and
/// associative up to rounding.
/// </summary>
public readonly record struct Moments(long Count, double Mean, double SumOfSquaredDeviations)
{
    /// <summary>The empty sample.</summary>
    public static Moments Empty => default;

    /// <summary>Sample variance with n − 1 in the denominator; NaN when fewer than two units.</summary>
    public double Variance => Count > 1 ? Math.Max(SumOfSquaredDeviations, 0) / (Count - 1) : double.NaN;

    /// <summary>Sample standard deviation; NaN when fewer than two units.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Σy, reconstructed.</summary>
    public double Sum => Mean * Count;

    /// <summary>Builds moments from (n, Σy, Σy²). Prefer <see cref="FromShiftedSums"/> when the mean is large.</summary>
    public static Moments FromSums(long count, double sum, double sumOfSquares) =>
        FromShiftedSums(count, 0, sum, sumOfSquares);

    /// <summary>
    /// Builds moments from sums of shifted values Σ(y − k) and Σ(y − k)², as SQL returns them when it shifts by a
    /// constant k near the mean (for example the first value, or a pilot mean) before squaring.
    /// </summary>
    public static Moments FromShiftedSums(long count, double shift, double shiftedSum, double shiftedSumOfSquares)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Guard.Finite(shift);
        Guard.Finite(shiftedSum);
        Guard.Finite(shiftedSumOfSquares);
        ArgumentOutOfRangeException.ThrowIfNegative(shiftedSumOfSquares);
        if (count == 0)
        {
            return Empty;
        }

        var shiftedMean = shiftedSum / count;
        var ssd = Math.Max(shiftedSumOfSquares - (shiftedSum * shiftedMean), 0);
        return new Moments(count, shift + shiftedMean, ssd);
    }

    /// <summary>Builds moments from a count, mean and sample standard deviation (n − 1 denominator).</summary>
    public static Moments FromMeanAndStandardDeviation(long count, double mean, double standardDeviation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Guard.Finite(mean);
        Guard.Finite(standardDeviation);
        ArgumentOutOfRangeException.ThrowIfNegative(standardDeviation);
        return count == 0 ? Empty : new Moments(count, mean, standardDeviation * standardDeviation * (count - 1));
    }

    /// <summary>Moments of a binary metric: <paramref name="successes"/> ones among <paramref name="count"/> units.</summary>
    public static Moments FromProportion(long successes, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, count);
        if (count == 0)
        {
            return Empty;
        }

        var p = (double)successes / count;
        return new Moments(count, p, count * p * (1 - p));
    }

    /// <summary>Moments of raw values (for tests and small in-memory samples), by Welford's update.</summary>
    public static Moments FromValues(ReadOnlySpan<double> values)
    {
        var result = Empty;
        foreach (var value in values)
        {
            result = result.Add(value);
        }

        return result;
    }

    /// <summary>Adds one observation (Welford 1962).</summary>
    public Moments Add(double value)
    {
        var n = Count + 1;
        var delta = value - Mean;
        var mean = Mean + (delta / n);
        return new Moments(n, mean, SumOfSquaredDeviations + (delta * (value - mean)));
    }

    /// <summary>Merges two disjoint samples (Chan, Golub and LeVeque 1979, eq. 2.1b).</summary>
    public static Moments operator +(Moments left, Moments right)
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
        var delta = right.Mean - left.Mean;
        var mean = left.Mean + (delta * right.Count / n);
        var ssd = left.SumOfSquaredDeviations + right.SumOfSquaredDeviations
            + (delta * delta * ((double)left.Count * right.Count / n));
        return new Moments(n, mean, ssd);
    }

    /// <summary>Merges two disjoint samples; the named alternative to <c>+</c>.</summary>
    public static Moments Add(Moments left, Moments right) => left + right;
}
