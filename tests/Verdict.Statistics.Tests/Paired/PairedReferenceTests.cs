using Verdict.Statistics.Paired;
using Verdict.Statistics.Power;
using Xunit;
namespace Verdict.Statistics.Tests.Paired;

/// <summary>Pins the paired statistics to scipy 1.10 / statsmodels 0.13 values from tests/reference/paired/generate.py.</summary>
public sealed class PairedReferenceTests
{
    public static TheoryData<int> PairedTCases => PairedReference.Indices(PairedReference.Value.PairedT);
    public static TheoryData<int> SignCases => PairedReference.Indices(PairedReference.Value.SignTest);
    public static TheoryData<int> WilcoxonCases => PairedReference.Indices(PairedReference.Value.Wilcoxon);
    public static TheoryData<int> WilsonCases => PairedReference.Indices(PairedReference.Value.Wilson);
    public static TheoryData<int> KappaCases => PairedReference.Indices(PairedReference.Value.CohensKappa);
    public static TheoryData<int> SampleSizeCases => PairedReference.Indices(PairedReference.Value.SampleSize);
    public static TheoryData<int> PowerCases => PairedReference.Indices(PairedReference.Value.Power);

    [Theory]
    [MemberData(nameof(PairedTCases))]
    public void PairedT_MatchesScipyTtestRel(int index)
    {
        var c = PairedReference.Value.PairedT[index];
        var result = PairedT.Test([.. c.Differences], c.Alpha);
        // Tolerance: 1e-9 relative; both sides use double-precision t quantiles.
        Assert.Equal(c.Mean, result.Difference.Value, 1e-10);
        Assert.Equal(c.CiLow, result.Difference.CiLow, 1e-8);
        Assert.Equal(c.CiHigh, result.Difference.CiHigh, 1e-8);
        Assert.Equal(c.PValue, result.Difference.PValue, 1e-9);
    }

    [Theory]
    [MemberData(nameof(SignCases))]
    public void SignTest_MatchesScipyBinomtest(int index)
    {
        var c = PairedReference.Value.SignTest[index];
        var result = SignTest.Test([.. c.Differences]);
        Assert.Equal(c.Positive, result.Positive);
        Assert.Equal(c.Negative, result.Negative);
        Assert.Equal(c.PValue, result.PValue, 1e-10);
        Assert.Equal(c.PValueGreater, result.PValueGreater, 1e-10);
        Assert.Equal(c.PValueLess, result.PValueLess, 1e-10);
    }

    [Theory]
    [MemberData(nameof(WilcoxonCases))]
    public void Wilcoxon_MatchesScipyWilcoxon(int index)
    {
        var c = PairedReference.Value.Wilcoxon[index];
        var result = WilcoxonSignedRank.Test([.. c.Differences], c.Correction);
        var method = c.Method == "exact" ? WilcoxonMethod.Exact : WilcoxonMethod.NormalApproximation;
        Assert.Equal(method, result.Method);
        Assert.Equal(c.Statistic, result.Statistic, 1e-10);
        Assert.Equal(c.PValue, result.PValue, 1e-10);
    }

    [Theory]
    [MemberData(nameof(WilsonCases))]
    public void Wilson_MatchesStatsmodelsProportionConfint(int index)
    {
        var c = PairedReference.Value.Wilson[index];
        var result = WilsonInterval.For(c.Successes, (long)c.Count, c.Alpha);
        Assert.Equal(c.CiLow, result.CiLow, 1e-12);
        Assert.Equal(c.CiHigh, result.CiHigh, 1e-12);
    }

    [Theory]
    [MemberData(nameof(KappaCases))]
    public void CohensKappa_MatchesStatsmodels(int index)
    {
        var c = PairedReference.Value.CohensKappa[index];
        var rows = c.Table.Select(r => r.ToArray()).ToArray();
        var table = new double[rows.Length, rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows.Length; j++)
            {
                table[i, j] = rows[i][j];
            }
        }

        var result = CohensKappa.FromTable(table, c.Alpha);
        Assert.Equal(c.Kappa, result.Kappa, 1e-12);
        Assert.Equal(c.StdKappa, result.StandardError, 1e-12);
        Assert.Equal(c.StdKappa0, result.StandardErrorNull, 1e-12);
        Assert.Equal(c.CiLow, result.CiLow, 1e-10);
        Assert.Equal(c.CiHigh, result.CiHigh, 1e-10);
    }

    [Theory]
    [MemberData(nameof(SampleSizeCases))]
    public void SampleSize_MatchesStatsmodelsTTestPower(int index)
    {
        var c = PairedReference.Value.SampleSize[index];
        var n = PairedSampleSize.ForEffectSize(c.EffectSize, c.Alpha, c.Power);
        // Tolerance: 1e-4 cases; statsmodels root-finds with its own tolerance over scipy's nct.
        Assert.Equal(c.Count, n, 1e-4);
    }

    [Theory]
    [MemberData(nameof(PowerCases))]
    public void Power_MatchesStatsmodelsTTestPower(int index)
    {
        var c = PairedReference.Value.Power[index];
        var power = PairedSampleSize.Power(c.EffectSize, c.Count, c.Alpha);
        Assert.Equal(c.Power, power, 1e-8);
    }
}
