using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Paired;
using Xunit;
namespace Verdict.Statistics.Tests.Paired;

public sealed class PairedPropertyTests
{
    private static readonly double[] SeedPolicy = [4, 3, 4, 4, 3];

    [Fact]
    public void CohensKappa_SeedAudit_AgreementIs75Percent()
    {
        string[] human = ["A", "B", "A", "TIE", "B", "A", "B", "B"];
        string[] judge = ["A", "B", "B", "TIE", "B", "A", "A", "B"];
        var result = CohensKappa.FromLabels(human, judge);
        Assert.Equal(0.75, result.Agreement, 1e-12);
        Assert.Equal(8, result.Count);
    }

    [Fact]
    public void WilsonInterval_SeedWinRate_NinetyPercentWithWideInterval()
    {
        var result = WilsonInterval.For(4.5, 5);
        Assert.Equal(0.9, result.Proportion, 1e-12);
        Assert.True(result.CiLow < 0.6 && result.CiHigh < 1);
    }

    [Fact]
    public void PairedBootstrap_SameSeed_SameInterval()
    {
        var first = PairedBootstrap.MeanDifference(SeedPolicy, seed: 7);
        var second = PairedBootstrap.MeanDifference(SeedPolicy, seed: 7);
        Assert.Equal(first, second with { Diagnostics = first.Diagnostics });
        Assert.InRange(first.Value, first.CiLow, first.CiHigh);
    }

    [Fact]
    public void PairedBootstrap_NormalData_CoverageNearNominal()
    {
        // Seeded simulation: 400 data sets of 40 N(0.5, 1) differences; the 95% percentile interval should cover 0.5
        // in roughly 93–97% of them (the percentile bootstrap undercovers slightly at n = 40).
        var random = new Random(11);
        var covered = 0;
        const int sets = 400;
        for (var s = 0; s < sets; s++)
        {
            var data = Enumerable.Range(0, 40).Select(_ => 0.5 + Gaussian(random)).ToArray();
            var ci = PairedBootstrap.MeanDifference(data, seed: s, resamples: 1000);
            if (ci.CiLow <= 0.5 && 0.5 <= ci.CiHigh)
            {
                covered++;
            }
        }

        Assert.InRange(covered / (double)sets, 0.90, 0.98);
    }

    [Fact]
    public void PairedT_SwappingArms_FlipsTheSign()
    {
        double[] a = [3, 4, 3, 4, 3];
        double[] b = [4, 4, 4, 5, 4];
        var forward = PairedT.Compare(a, b);
        var backward = PairedT.Compare(b, a);
        Assert.Equal(forward.Difference.Value, -backward.Difference.Value, 1e-12);
        Assert.Equal(forward.Difference.PValue, backward.Difference.PValue, 1e-12);
    }

    [Fact]
    public void PairedT_AllDifferencesEqual_ReportsZeroVariance()
    {
        var result = PairedT.Test([1.0, 1.0, 1.0]);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.ZeroVariance);
    }

    [Fact]
    public void SignTest_AllZero_PValueOneWithDiagnostic()
    {
        var result = SignTest.Test([0.0, 0.0]);
        Assert.Equal(1, result.PValue);
        Assert.NotEmpty(result.Diagnostics);
    }

    [Fact]
    public void PairedT_MismatchedLengths_ThrowsWithArgumentName()
    {
        var exception = Assert.Throws<ArgumentException>(() => PairedT.Compare([1.0, 2.0], [1.0]));
        Assert.Equal("treatment", exception.ParamName);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
