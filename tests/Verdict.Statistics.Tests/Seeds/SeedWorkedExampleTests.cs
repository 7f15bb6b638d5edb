using System.Globalization;
using Verdict.Statistics.Comparisons;
using Verdict.Statistics.Guardrails;
using Verdict.Statistics.Integrity;
using Verdict.Statistics.MultipleTesting;
using Verdict.Statistics.Power;
using Xunit;

namespace Verdict.Statistics.Tests.Seeds;

/// <summary>The seed documents' worked examples come out as printed there (rounded as the seeds round them).</summary>
public sealed class SeedWorkedExampleTests
{
    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    [Fact]
    public void TwoProportions_Seed000_PrintsFourPointLiftWithOneToSevenInterval()
    {
        var lift = TwoProportions.Compare(760, 2000, 840, 2000);
        Assert.Equal("4.0", F(lift.Absolute.Value * 100, "0.0"));
        Assert.Equal("1.55", F(lift.Absolute.StandardError * 100, "0.00"));
        Assert.Equal("1.0", F(lift.Absolute.CiLow * 100, "0.0"));
        Assert.Equal("7.0", F(lift.Absolute.CiHigh * 100, "0.0"));
        Assert.Equal("10.5", F(lift.Relative.Value * 100, "0.0"));
    }

    [Theory]
    [InlineData(200, "-5.6", "13.6")]
    [InlineData(500, "-2.1", "10.1")]
    [InlineData(2000, "1.0", "7.0")]
    public void TwoProportions_Seed000_IntervalNarrowsWithTraffic(int n, string low, string high)
    {
        // Seed 000 "Traffic narrows uncertainty": rates fixed at 38% and 42%.
        var lift = TwoProportions.Compare((long)(0.38 * n), n, (long)(0.42 * n), n);
        Assert.Equal(low, F(lift.Absolute.CiLow * 100, "0.0"));
        Assert.Equal(high, F(lift.Absolute.CiHigh * 100, "0.0"));
    }

    [Fact]
    public void SampleSize_Seed000Simple_Is9246PerArm()
    {
        var n = SampleSize.ForProportions(0.38, 0.02, formula: SampleSizeFormula.Simple);
        Assert.Equal(9246, n.Control);
        Assert.Equal(9246, n.Treatment);
    }

    [Theory]
    [InlineData(0.05, 2942)]
    [InlineData(0.02, 18672)]
    public void SampleSize_Seed001Pooled_MatchesPrintedTotals(double mde, long total)
    {
        Assert.Equal(total, SampleSize.ForProportions(0.60, mde, formula: SampleSizeFormula.Pooled).Total);
    }

    [Fact]
    public void SampleRatioMismatch_Seed000_ChiSquareIs122Point5AndAlerts()
    {
        var result = SampleRatioMismatch.Test([1650, 2350], [0.5, 0.5]);
        Assert.Equal("122.5", F(result.ChiSquare, "0.0"));
        Assert.True(result.Mismatch);
        Assert.True(result.ChiSquare > 10.83);
    }

    [Fact]
    public void Adjust_Seed001FourMetrics_MatchesPrintedTable()
    {
        double[] p = [0.001, 0.020, 0.12, 0.42];
        var bonferroni = PValueAdjustment.Adjust(p, PValueAdjustmentMethod.Bonferroni).Select(v => F(v, "0.000"));
        var bh = PValueAdjustment.Adjust(p, PValueAdjustmentMethod.BenjaminiHochberg).Select(v => F(v, "0.000"));
        Assert.Equal(["0.004", "0.080", "0.480", "1.000"], bonferroni);
        Assert.Equal(["0.004", "0.040", "0.160", "0.420"], bh);
    }

    [Fact]
    public void NonInferiority_Seed000LaunchGate_LatencyBudgetFailsAt1490()
    {
        // Observed-delta teaching gate: 1260 − 1180 = 80 ms passes a 150 ms budget; 1490 − 1180 = 310 ms fails.
        Assert.True(NonInferiority.Test(1260 - 1180, 0, 150, NonInferiorityDirection.IncreaseIsBad).Passed);
        Assert.False(NonInferiority.Test(1490 - 1180, 0, 150, NonInferiorityDirection.IncreaseIsBad).Passed);
    }
}
