using MathNet.Numerics.Distributions;
using Verdict.Statistics.Inference;
using Xunit;

namespace Verdict.Statistics.Tests;

public sealed class StudentTQuantileTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(2.5)]
    [InlineData(3.0)]
    [InlineData(7.3)]
    [InlineData(30.0)]
    [InlineData(1993.26)]
    public void Of_RoundTripsThroughExactCdf(double df)
    {
        foreach (var p in new[] { 0.6, 0.9, 0.95, 0.975, 0.995, 0.9999, 1 - 1e-9, 0.025, 1e-6 })
        {
            var t = StudentTQuantile.Of(df, p);
            var back = StudentT.CDF(0, 1, df, t);
            Assert.True(Math.Abs(back - p) <= 1e-12 * Math.Max(1, 1 / Math.Min(p, 1 - p)) || Math.Abs(back - p) < 1e-13, $"df {df} p {p}: t {t} → {back}");
        }
    }

    [Fact]
    public void Of_HugeDegreesOfFreedom_ApproachesNormal()
    {
        Assert.Equal(Normal.InvCDF(0, 1, 0.975), StudentTQuantile.Of(1e9, 0.975), 6);
    }
}
