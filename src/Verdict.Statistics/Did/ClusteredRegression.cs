using MathNet.Numerics.LinearAlgebra;
using Verdict.Statistics.Inference;

namespace Verdict.Statistics.Did;

/// <summary>
/// Ordinary least squares with cluster-robust (CR1) covariance, optionally absorbing unit and period fixed effects by
/// the within transformation (alternating projections, Guimarães and Portugal 2010; exact in one pass for a balanced
/// panel). By Frisch–Waugh–Lovell the coefficients, residuals and cluster scores equal those of the regression with
/// the dummies written out. Covariance: V = c (X̃'X̃)⁻¹ [Σ_g X̃_g'e_g e_g'X̃_g] (X̃'X̃)⁻¹ with
/// c = G/(G − 1) · (N − 1)/(N − K) (statsmodels <c>cov_type="cluster"</c>), where K counts the regressors and the
/// fixed effects not nested in a cluster (R fixest's <c>fixef.K = "nested"</c>; Cameron and Miller 2015, §VI.B).
/// Inference uses Student t with G − 1 degrees of freedom.
/// </summary>
internal static class ClusteredRegression
{
    private const int MaxSweeps = 10_000;

    /// <summary>The fit: coefficients, their covariance, clusters and residual degrees of freedom for inference.</summary>
    public sealed record Fit(double[] Coefficients, Matrix<double> Covariance, int Clusters, int Observations, bool Converged)
    {
        public double DegreesOfFreedom => Clusters - 1;

        public Estimate Coefficient(int index, double alpha) =>
            Verdict.Statistics.Inference.Estimate.FromStatistic(Coefficients[index], Math.Sqrt(Covariance[index, index]), alpha, DegreesOfFreedom);
    }

    /// <summary>Fits y on the columns of <paramref name="x"/>; with <paramref name="units"/> and <paramref name="periods"/> their fixed effects are absorbed.</summary>
    public static Fit? Solve(double[][] x, double[] y, int[] clusters, int[]? units, int[]? periods)
    {
        var n = y.Length;
        var k = x.Length;
        var columns = x.Select(c => (double[])c.Clone()).ToArray();
        var outcome = (double[])y.Clone();
        var converged = true;
        var absorbed = 0;
        if (units is not null && periods is not null)
        {
            converged = Demean([.. columns, outcome], units, periods);
            var unitCount = units.Max() + 1;
            var nested = IsNested(units, clusters);
            absorbed = periods.Max() + (nested ? 0 : unitCount);
        }

        var design = Matrix<double>.Build.Dense(n, k, (i, j) => columns[j][i]);
        var response = Vector<double>.Build.Dense(outcome);
        var gram = design.TransposeThisAndMultiply(design);
        var qr = design.QR();
        var diagonal = qr.R.Diagonal().PointwiseAbs();
        if (k == 0 || diagonal.Minimum() <= 1e-10 * Math.Max(1, diagonal.Maximum()))
        {
            return null;
        }

        var beta = qr.Solve(response);
        var residuals = response - (design * beta);
        var groups = clusters.Max() + 1;
        var scores = Matrix<double>.Build.Dense(groups, k);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < k; j++)
            {
                scores[clusters[i], j] += design[i, j] * residuals[i];
            }
        }

        var present = clusters.Distinct().Count();
        if (present < 2)
        {
            return null;
        }

        var bread = gram.Inverse();
        var meat = scores.TransposeThisAndMultiply(scores);
        var parameters = k + absorbed;
        var correction = present / (present - 1.0) * ((n - 1.0) / (n - parameters));
        var covariance = bread * meat * bread * correction;
        return new Fit(beta.ToArray(), covariance, present, n, converged);
    }

    /// <summary>True when every unit lies within one cluster, so its fixed effect is nested in the clusters.</summary>
    private static bool IsNested(int[] units, int[] clusters)
    {
        var clusterOf = new Dictionary<int, int>();
        for (var i = 0; i < units.Length; i++)
        {
            if (clusterOf.TryGetValue(units[i], out var c) && c != clusters[i])
            {
                return false;
            }

            clusterOf[units[i]] = clusters[i];
        }

        return true;
    }

    /// <summary>Sweeps out unit and period means from every column until no mean moves by more than 1e-12 of the column's scale.</summary>
    private static bool Demean(double[][] columns, int[] units, int[] periods)
    {
        var unitCount = units.Max() + 1;
        var periodCount = periods.Max() + 1;
        foreach (var column in columns)
        {
            var scale = Math.Max(1e-300, column.Max(Math.Abs));
            var converged = false;
            for (var sweep = 0; sweep < MaxSweeps && !converged; sweep++)
            {
                var moved = Subtract(column, units, unitCount);
                moved = Math.Max(moved, Subtract(column, periods, periodCount));
                converged = moved <= 1e-13 * scale;
            }

            if (!converged)
            {
                return false;
            }
        }

        return true;
    }

    private static double Subtract(double[] column, int[] groups, int count)
    {
        var sums = new double[count];
        var counts = new int[count];
        for (var i = 0; i < column.Length; i++)
        {
            sums[groups[i]] += column[i];
            counts[groups[i]]++;
        }

        var largest = 0.0;
        for (var g = 0; g < count; g++)
        {
            sums[g] = counts[g] == 0 ? 0 : sums[g] / counts[g];
            largest = Math.Max(largest, Math.Abs(sums[g]));
        }

        for (var i = 0; i < column.Length; i++)
        {
            column[i] -= sums[groups[i]];
        }

        return largest;
    }
}
