using Verdict.Statistics.Comparisons;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Statistics.Tests.Reference;
using Xunit;

namespace Verdict.Statistics.Tests;

public sealed class NumericalPrecisionTests
{
    [Fact]
    public void Moments_BillionLatencyUnitsMergedFromChunks_KeepsVarianceExact()
    {
        // 10⁹ units, half at 900 ms and half at 1 500 ms (mean 1 200, sd 300), arriving as 1 000 SQL partitions.
        var c = StatsReference.Value.Precision[0];
        var n = c.Input.N;
        var partition = Moments.FromValues([900, 1500]);
        var chunk = Moments.Empty;
        for (var i = 0; i < 500_000; i++)
        {
            chunk += partition;
        }

        var total = Moments.Empty;
        for (var i = 0; i < n / chunk.Count; i++)
        {
            total += chunk;
        }

        Assert.Equal(n, total.Count);
        Close.Equal(c.Expected.Mean, total.Mean, 1e-12, "mean");
        Close.Equal(c.Expected.VarianceSample, total.Variance, 1e-10, "variance");
    }

    [Fact]
    public void Moments_ShiftedSumsAtBillionUnits_StayAccurateWhereRawSumsDrift()
    {
        // Shifted by the pilot mean 1 200, the sums SQL returns are exact, and so is the variance.
        const long n = 1_000_000_000;
        var shifted = Moments.FromShiftedSums(n, 1200, 0, n * 90_000.0);
        Close.Equal(90_000.0 * n / (n - 1), shifted.Variance, 1e-12, "shifted variance");

        // The raw sums, accumulated one unit at a time in double, drift; the engine's estimates stay within 1e-6.
        double sum = 0, sumsq = 0;
        for (long i = 0; i < 10_000_000; i++)
        {
            var y = (i & 1) == 0 ? 900.1 : 1499.9;
            sum += y;
            sumsq += y * y;
        }

        var fromRaw = Moments.FromSums(10_000_000, sum, sumsq);
        var exact = 299.9 * 299.9 * 10_000_000 / (10_000_000 - 1);
        Close.Equal(exact, fromRaw.Variance, 1e-6, "raw-sum variance at 10⁷");
    }

    [Fact]
    public void TwoMeans_LatencyLikeArmsAtBillionUnits_MatchClosedForm()
    {
        const long n = 1_000_000_000;
        var control = Moments.FromShiftedSums(n, 1200, 0, n * 90_000.0);
        var treatment = Moments.FromShiftedSums(n, 1200, n * 0.5, n * (90_000.0 + 0.25));
        var lift = TwoMeans.Compare(control, treatment);
        Close.Equal(0.5, lift.Absolute.Value, 1e-9, "lift");
        Close.Equal(Math.Sqrt((2 * 90_000.0 * n / (n - 1)) / n), lift.Absolute.StandardError, 1e-9, "se");
    }
}
