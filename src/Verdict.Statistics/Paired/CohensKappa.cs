using MathNet.Numerics.Distributions;
using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.Paired;

/// <summary>
/// Cohen's κ for two raters on nominal labels (Cohen 1960) with the large-sample standard error of Fleiss, Cohen and
/// Everitt (1969, eq. 13), as in statsmodels 0.13 <c>cohens_kappa</c>: the interval is κ ± z·SE, and SE₀ under κ = 0
/// gives the test.
/// </summary>
public static class CohensKappa
{
    /// <summary>Agreement between two aligned label lists (for example judge and human).</summary>
    public static KappaResult FromLabels<T>(IReadOnlyList<T> first, IReadOnlyList<T> second, double alpha = 0.05)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count != second.Count)
        {
            throw new ArgumentException($"label lists must have the same length ({first.Count} vs {second.Count})", nameof(second));
        }

        var categories = first.Concat(second).Distinct().ToList();
        var index = categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var table = new double[categories.Count, categories.Count];
        for (var i = 0; i < first.Count; i++)
        {
            table[index[first[i]], index[second[i]]]++;
        }

        return FromTable(table, alpha);
    }

    /// <summary>κ from a square contingency table: rows are the first rater's labels, columns the second's.</summary>
    public static KappaResult FromTable(double[,] table, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(table);
        Guard.Alpha(alpha);
        var k = table.GetLength(0);
        if (table.GetLength(1) != k)
        {
            throw new ArgumentException("the table must be square", nameof(table));
        }

        double n = 0;
        foreach (var cell in table)
        {
            if (!(cell >= 0) || double.IsInfinity(cell))
            {
                throw new ArgumentOutOfRangeException(nameof(table), cell, "counts must be finite and non-negative");
            }

            n += cell;
        }

        if (n == 0)
        {
            return new KappaResult(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
                [new Diagnostic(DiagnosticCode.EmptyArm, "no labelled cases")]);
        }

        var row = new double[k];
        var col = new double[k];
        double observed = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                row[i] += table[i, j] / n;
                col[j] += table[i, j] / n;
            }

            observed += table[i, i] / n;
        }

        double expected = 0;
        for (var i = 0; i < k; i++)
        {
            expected += row[i] * col[i];
        }

        if (expected >= 1)
        {
            return new KappaResult((long)n, observed, expected, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
                [new Diagnostic(DiagnosticCode.ZeroVariance, "both raters used a single label, so chance agreement is 1 and κ is undefined")]);
        }

        var kappa = (observed - expected) / (1 - expected);
        double termA = 0, termB = 0, termNull = 0;
        for (var i = 0; i < k; i++)
        {
            var diagonal = table[i, i] / n;
            termA += diagonal * Math.Pow(1 - ((row[i] + col[i]) * (1 - kappa)), 2);
            termNull += col[i] * row[i] * (col[i] + row[i]);
            for (var j = 0; j < k; j++)
            {
                if (i != j)
                {
                    termB += table[i, j] / n * Math.Pow(col[i] + row[j], 2);
                }
            }
        }

        termB *= Math.Pow(1 - kappa, 2);
        var termC = Math.Pow(kappa - (expected * (1 - kappa)), 2);
        var variance = (termA + termB - termC) / Math.Pow(1 - expected, 2) / n;
        var varianceNull = (expected + (expected * expected) - termNull) / (Math.Pow(1 - expected, 2) * n);
        var se = Math.Sqrt(Math.Max(variance, 0));
        var seNull = Math.Sqrt(Math.Max(varianceNull, 0));
        var z = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        return new KappaResult((long)n, observed, expected, kappa, se, kappa - (z * se), kappa + (z * se), seNull, []);
    }
}
