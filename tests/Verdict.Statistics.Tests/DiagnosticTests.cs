using Verdict.Statistics.Comparisons;
using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Integrity;
using Verdict.Statistics.MultipleTesting;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Statistics.VarianceReduction;
using Xunit;

namespace Verdict.Statistics.Tests;

public sealed class DiagnosticTests
{
    [Fact]
    public void TwoProportions_EmptyArm_ReturnsDiagnosticNotException()
    {
        var lift = TwoProportions.Compare(0, 0, 10, 100);
        Assert.False(lift.IsAvailable);
        Assert.Contains(lift.Diagnostics, d => d.Code == DiagnosticCode.EmptyArm);
    }

    [Fact]
    public void TwoProportions_ZeroControlRate_HasAbsoluteButNoRelative()
    {
        var lift = TwoProportions.Compare(0, 100, 10, 100);
        Assert.True(lift.Absolute.IsAvailable);
        Assert.False(lift.Relative.IsAvailable);
        Assert.Contains(lift.Diagnostics, d => d.Code == DiagnosticCode.ZeroControlMean);
    }

    [Fact]
    public void TwoMeans_ZeroVarianceBothArms_ReportsZeroVariance()
    {
        var lift = TwoMeans.Compare(Moments.FromMeanAndStandardDeviation(10, 5, 0), Moments.FromMeanAndStandardDeviation(10, 5, 0));
        Assert.Contains(lift.Diagnostics, d => d.Code == DiagnosticCode.ZeroVariance);
    }

    [Fact]
    public void TwoMeans_NegativeBaseline_RelativeLiftKeepsSign()
    {
        var lift = TwoMeans.Compare(Moments.FromMeanAndStandardDeviation(100, -10, 1), Moments.FromMeanAndStandardDeviation(100, -8, 1));
        Assert.True(lift.Relative.Value > 0);
        Assert.Equal(0.2, lift.Relative.Value, 12);
    }

    [Fact]
    public void TwoMeans_SingleUnitArm_ReportsTooFewUnits()
    {
        var lift = TwoMeans.Compare(Moments.FromValues([1.0]), Moments.FromValues([1.0, 2.0]));
        Assert.Contains(lift.Diagnostics, d => d.Code == DiagnosticCode.TooFewUnits);
    }

    [Fact]
    public void RatioMetric_ZeroDenominator_ReportsDiagnostic()
    {
        var zero = BivariateMoments.FromValues([0.0, 0.0], [1.0, 2.0]);
        var fine = BivariateMoments.FromValues([1.0, 2.0], [1.0, 2.0]);
        Assert.Contains(RatioMetric.Compare(zero, fine).Diagnostics, d => d.Code == DiagnosticCode.ZeroDenominator);
    }

    [Fact]
    public void Cuped_ConstantCovariate_FallsBackToUnadjusted()
    {
        var c = BivariateMoments.FromValues([1.0, 1.0, 1.0], [1.0, 2.0, 3.0]);
        var t = BivariateMoments.FromValues([1.0, 1.0, 1.0], [2.0, 3.0, 5.0]);
        var result = Cuped.Compare(c, t);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.ZeroCovariateVariance);
        Assert.Equal(result.Unadjusted.Absolute.Value, result.Adjusted.Absolute.Value);
    }

    [Fact]
    public void SampleRatioMismatch_ZeroWeightArm_IsExcludedAndSaid()
    {
        var result = SampleRatioMismatch.Test([500, 510, 3], [0.5, 0.5, 0]);
        Assert.Equal([2], result.ExcludedArms);
        Assert.Equal(1, result.DegreesOfFreedom);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.ArmExcluded);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void TwoProportions_AlphaOutsideUnitInterval_ThrowsWithName(double alpha)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TwoProportions.Compare(1, 10, 2, 10, alpha));
        Assert.Equal("alpha", e.ParamName);
    }

    [Fact]
    public void TwoProportions_SuccessesAboveCount_ThrowsWithName()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TwoProportions.Compare(11, 10, 2, 10));
        Assert.Equal("successes", e.ParamName);
    }

    [Fact]
    public void Moments_NaNInput_ThrowsWithName()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Moments.FromMeanAndStandardDeviation(10, double.NaN, 1));
        Assert.Equal("mean", e.ParamName);
    }

    [Fact]
    public void AdjustedInterval_ExcludesZeroExactlyWhenAdjustedPBelowAlpha()
    {
        var (low, _) = PValueAdjustment.AdjustedInterval(0.04, 0.0155, 0.04);
        Assert.True(low > 0);
        var (low2, high2) = PValueAdjustment.AdjustedInterval(0.04, 0.0155, 0.06);
        Assert.True(low2 < 0 && high2 > 0);
    }
}
