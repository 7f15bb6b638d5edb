using Verdict.Statistics.Paired;
using Xunit;
namespace Verdict.Statistics.Tests.Paired;

/// <summary>Pins the paired statistics to scipy 1.10 / statsmodels 0.13 values from tests/reference/paired/generate.py.</summary>
public sealed class PairedReferenceTests
{
    public static TheoryData<int> PairedTCases => PairedReference.Indices("paired_t");
    public static TheoryData<int> SignCases => PairedReference.Indices("sign_test");
    public static TheoryData<int> WilcoxonCases => PairedReference.Indices("wilcoxon");
    public static TheoryData<int> WilsonCases => PairedReference.Indices("wilson");
    public static TheoryData<int> KappaCases => PairedReference.Indices("cohens_kappa");
    public static TheoryData<int> SampleSizeCases => PairedReference.Indices("sample_size");
    public static TheoryData<int> PowerCases => PairedReference.Indices("power");

    [Theory]
    [MemberData(nameof(PairedTCases))]
    public void PairedT_MatchesScipyTtestRel(int index)
    {
        var c = PairedReference.Case("paired_t", index);
        var result = PairedT.Test(c.Doubles("differences"), c.Number("alpha"));
        // Tolerance: 1e-9 relative; both sides use double-precision t quantiles.
        Assert.Equal(c.Number("mean"), result.Difference.Value, 1e-10);
        Assert.Equal(c.Number("ci_low"), result.Difference.CiLow, 1e-8);
        Assert.Equal(c.Number("ci_high"), result.Difference.CiHigh, 1e-8);
        Assert.Equal(c.Number("p_value"), result.Difference.PValue, 1e-9);
    }

    [Theory]
    [MemberData(nameof(SignCases))]
    public void SignTest_MatchesScipyBinomtest(int index)
    {
        var c = PairedReference.Case("sign_test", index);
        var result = SignTest.Test(c.Doubles("differences"));
        Assert.Equal(c.GetProperty("positive").GetInt32(), result.Positive);
        Assert.Equal(c.GetProperty("negative").GetInt32(), result.Negative);
        Assert.Equal(c.Number("p_value"), result.PValue, 1e-10);
        Assert.Equal(c.Number("p_value_greater"), result.PValueGreater, 1e-10);
        Assert.Equal(c.Number("p_value_less"), result.PValueLess, 1e-10);
    }

    [Theory]
    [MemberData(nameof(WilcoxonCases))]
    public void Wilcoxon_MatchesScipyWilcoxon(int index)
    {
        var c = PairedReference.Case("wilcoxon", index);
        var result = WilcoxonSignedRank.Test(c.Doubles("differences"), c.GetProperty("correction").GetBoolean());
        var method = c.GetProperty("method").GetString() == "exact" ? WilcoxonMethod.Exact : WilcoxonMethod.NormalApproximation;
        Assert.Equal(method, result.Method);
        Assert.Equal(c.Number("statistic"), result.Statistic, 1e-10);
        Assert.Equal(c.Number("p_value"), result.PValue, 1e-10);
    }

    [Theory]
    [MemberData(nameof(WilsonCases))]
    public void Wilson_MatchesStatsmodelsProportionConfint(int index)
    {
        var c = PairedReference.Case("wilson", index);
        var result = WilsonInterval.For(c.Number("successes"), (long)c.Number("count"), c.Number("alpha"));
        Assert.Equal(c.Number("ci_low"), result.CiLow, 1e-12);
        Assert.Equal(c.Number("ci_high"), result.CiHigh, 1e-12);
    }

    [Theory]
    [MemberData(nameof(KappaCases))]
    public void CohensKappa_MatchesStatsmodels(int index)
    {
        var c = PairedReference.Case("cohens_kappa", index);
        var rows = c.GetProperty("table").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        var table = new double[rows.Length, rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows.Length; j++)
            {
                table[i, j] = rows[i][j];
            }
        }

        var result = CohensKappa.FromTable(table, c.Number("alpha"));
        Assert.Equal(c.Number("kappa"), result.Kappa, 1e-12);
        Assert.Equal(c.Number("std_kappa"), result.StandardError, 1e-12);
        Assert.Equal(c.Number("std_kappa0"), result.StandardErrorNull, 1e-12);
        Assert.Equal(c.Number("ci_low"), result.CiLow, 1e-10);
        Assert.Equal(c.Number("ci_high"), result.CiHigh, 1e-10);
    }

    [Theory]
    [MemberData(nameof(SampleSizeCases))]
    public void SampleSize_MatchesStatsmodelsTTestPower(int index)
    {
        var c = PairedReference.Case("sample_size", index);
        var n = PairedSampleSize.ForEffectSize(c.Number("effect_size"), c.Number("alpha"), c.Number("power"));
        // Tolerance: 1e-4 cases; statsmodels root-finds with its own tolerance over scipy's nct.
        Assert.Equal(c.Number("count"), n, 1e-4);
    }

    [Theory]
    [MemberData(nameof(PowerCases))]
    public void Power_MatchesStatsmodelsTTestPower(int index)
    {
        var c = PairedReference.Case("power", index);
        var power = PairedSampleSize.Power(c.Number("effect_size"), c.Number("count"), c.Number("alpha"));
        Assert.Equal(c.Number("power"), power, 1e-8);
    }
}
