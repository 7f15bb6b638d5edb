using Verdict.Statistics.Comparisons;
using Verdict.Statistics.Quantiles;
using Verdict.Statistics.SufficientStatistics;
using Xunit;

namespace Verdict.Statistics.Tests.Quantiles;

/// <summary>
/// Quantile intervals when units share clusters: with independent units the dependent ranks reduce to the usual
/// ones, and in a seeded simulation with strongly correlated clusters the delta-method ranks cover the true p95 at the
/// nominal rate while the unit-level ranks do not.
/// </summary>
public sealed class ClusteredQuantileTests
{
    [Theory]
    [InlineData(1_000, 0.95)]
    [InlineData(4_321, 0.5)]
    [InlineData(250_000, 0.99)]
    [InlineData(37, 0.1)]
    public void ForDependent_IndependentVariance_EqualsUnitLevelRanks(long n, double q)
    {
        Assert.Equal(QuantileRanks.For(n, q), QuantileRanks.ForDependent(n, q, q * (1 - q) / n));
    }

    [Theory]
    [InlineData(-1e-3)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ForDependent_BadVariance_Throws(double variance)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => QuantileRanks.ForDependent(100, 0.95, variance));
        Assert.Equal("distributionVariance", error.ParamName);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void ForDependent_CorrelatedClusters_CoversTheTrueQuantile()
    {
        // y = cluster effect + unit noise, both N(0, 1): intra-cluster correlation 0.5, marginal N(0, 2).
        const int Trials = 1000, Clusters = 200, Size = 20;
        const double Q = 0.95;
        var truth = MathNet.Numerics.Distributions.Normal.InvCDF(0, Math.Sqrt(2), Q);
        var random = new Random(17);
        int clusteredHits = 0, naiveHits = 0;
        var values = new double[Clusters * Size];
        var cluster = new int[Clusters * Size];
        for (var trial = 0; trial < Trials; trial++)
        {
            for (var c = 0; c < Clusters; c++)
            {
                var effect = Normal(random);
                for (var u = 0; u < Size; u++)
                {
                    values[(c * Size) + u] = effect + Normal(random);
                    cluster[(c * Size) + u] = c;
                }
            }

            var sorted = values.Order().ToArray();
            var n = sorted.Length;
            var naive = QuantileRanks.For(n, Q);
            var point = sorted[naive.Point - 1];

            // Per cluster: units at or below the point estimate (y) and units (x); the ratio's delta-method variance.
            var below = new double[Clusters];
            var sizes = new double[Clusters];
            for (var i = 0; i < n; i++)
            {
                sizes[cluster[i]]++;
                below[cluster[i]] += values[i] <= point ? 1 : 0;
            }

            var (_, variance) = RatioMetric.Of(BivariateMoments.FromValues(sizes, below));
            var ranks = QuantileRanks.ForDependent(n, Q, variance);
            clusteredHits += sorted[ranks.Low - 1] <= truth && truth <= sorted[ranks.High - 1] ? 1 : 0;
            naiveHits += sorted[naive.Low - 1] <= truth && truth <= sorted[naive.High - 1] ? 1 : 0;
        }

        // Within three binomial standard errors of 95 %; the unit-level interval falls far short (design effect ≈ 10).
        var bound = 3 * Math.Sqrt(0.05 * 0.95 / Trials);
        var clustered = (double)clusteredHits / Trials;
        var unitLevel = (double)naiveHits / Trials;
        Assert.True(Math.Abs(clustered - 0.95) <= bound, $"clustered coverage {clustered:P1}");
        Assert.True(unitLevel < 0.95 - bound, $"unit-level coverage {unitLevel:P1}");
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
