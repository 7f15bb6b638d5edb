using Verdict.Statistics.Comparisons;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Statistics.VarianceReduction;
using Xunit;

namespace Verdict.Statistics.Tests.Reference;

public sealed class ComparisonReferenceTests
{
    public static TheoryData<string> ProportionCases => ReferenceData.Names("proportions");

    public static TheoryData<string> MeanCases => ReferenceData.Names("means");

    public static TheoryData<string> RatioCases => ReferenceData.Names("ratio");

    public static TheoryData<string> CupedCases => ReferenceData.Names("cuped");

    [Theory]
    [MemberData(nameof(ProportionCases))]
    public void TwoProportions_ReferenceCase_MatchesStatsmodels(string name)
    {
        var c = ReferenceData.Case("proportions", name);
        var i = c.GetProperty("input");
        var lift = TwoProportions.Compare(i.L("control_successes"), i.L("control_n"), i.L("treatment_successes"), i.L("treatment_n"), i.D("alpha"));
        var e = c.GetProperty("expected");
        Close.Block(e.GetProperty("absolute"), lift.Absolute, name + " absolute");
        Close.Block(e.GetProperty("relative"), lift.Relative, name + " relative");
    }

    [Theory]
    [MemberData(nameof(MeanCases))]
    public void TwoMeans_FromMeanAndSd_MatchesScipyWelch(string name)
    {
        var c = ReferenceData.Case("means", name);
        var i = c.GetProperty("input");
        var control = Moments.FromMeanAndStandardDeviation(i.GetProperty("control").L("n"), i.GetProperty("control").D("mean"), i.GetProperty("control").D("sd"));
        var treatment = Moments.FromMeanAndStandardDeviation(i.GetProperty("treatment").L("n"), i.GetProperty("treatment").D("mean"), i.GetProperty("treatment").D("sd"));
        var lift = TwoMeans.Compare(control, treatment, i.D("alpha"));
        Close.Block(c.GetProperty("expected").GetProperty("absolute"), lift.Absolute, name + " absolute");
        Close.Block(c.GetProperty("expected").GetProperty("relative"), lift.Relative, name + " relative");
    }

    [Theory]
    [MemberData(nameof(MeanCases))]
    public void TwoMeans_FromSums_MatchesScipyWelch(string name)
    {
        var c = ReferenceData.Case("means", name);
        var i = c.GetProperty("input");
        var cs = i.GetProperty("control_sums");
        var ts = i.GetProperty("treatment_sums");
        var lift = TwoMeans.Compare(Moments.FromSums(cs.L("n"), cs.D("sum"), cs.D("sumsq")), Moments.FromSums(ts.L("n"), ts.D("sum"), ts.D("sumsq")), i.D("alpha"));

        // Σy² carries the rounding of the sums themselves, so agreement is to 1e-6 rather than 1e-9.
        Close.Block(c.GetProperty("expected").GetProperty("absolute"), lift.Absolute, name + " absolute", 1e-6);
    }

    [Theory]
    [MemberData(nameof(RatioCases))]
    public void RatioMetric_ReferenceCase_MatchesDeltaMethod(string name)
    {
        var c = ReferenceData.Case("ratio", name);
        var i = c.GetProperty("input");
        var lift = RatioMetric.Compare(Ratio(i.GetProperty("control")), Ratio(i.GetProperty("treatment")), i.D("alpha"));
        var e = c.GetProperty("expected");
        var (rc, vc) = RatioMetric.Of(Ratio(i.GetProperty("control")));
        Close.Equal(e.GetProperty("control").D("ratio"), rc, what: "control ratio");
        Close.Equal(e.GetProperty("control").D("variance"), vc, 1e-7, "control variance");
        Close.Block(e.GetProperty("absolute"), lift.Absolute, name + " absolute", 1e-7);
        Close.Block(e.GetProperty("relative"), lift.Relative, name + " relative", 1e-7);
    }

    [Theory]
    [MemberData(nameof(CupedCases))]
    public void Cuped_ReferenceCase_MatchesPooledThetaAdjustment(string name)
    {
        var c = ReferenceData.Case("cuped", name);
        var i = c.GetProperty("input");
        var result = Cuped.Compare(Cov(i.GetProperty("control")), Cov(i.GetProperty("treatment")), i.D("alpha"));
        var e = c.GetProperty("expected");
        Close.Equal(e.D("theta"), result.Theta, 1e-7, "theta");
        Close.Block(e.GetProperty("absolute"), result.Adjusted.Absolute, name + " adjusted", 1e-7);
        Close.Block(e.GetProperty("relative"), result.Adjusted.Relative, name + " adjusted relative", 1e-7);
        Close.Block(e.GetProperty("unadjusted"), result.Unadjusted.Absolute, name + " unadjusted", 1e-7);
        Close.Equal(e.D("variance_reduction"), result.VarianceReduction, 1e-7, "variance_reduction");
    }

    [Fact]
    public void Cuped_SeedSimulation_ReproducesPrintedNumbers()
    {
        // Seed 000 prints raw lift 3.15 pp (se 0.70), CUPED lift 3.17 pp (se 0.61), variance reduced 21.9%.
        var c = ReferenceData.Case("cuped", "seed_rng27_binary_resolution");
        var i = c.GetProperty("input");
        var result = Cuped.Compare(Cov(i.GetProperty("control")), Cov(i.GetProperty("treatment")));
        Assert.Equal("3.15", (result.Unadjusted.Absolute.Value * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.70", (result.Unadjusted.Absolute.StandardError * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("3.17", (result.Adjusted.Absolute.Value * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.61", (result.Adjusted.Absolute.StandardError * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("21.9", (result.VarianceReduction * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static BivariateMoments Ratio(System.Text.Json.JsonElement a) =>
        BivariateMoments.FromSums(a.L("n"), a.D("sum_den"), a.D("sum_num"), a.D("sum_den2"), a.D("sum_num2"), a.D("sum_num_den"));

    private static BivariateMoments Cov(System.Text.Json.JsonElement a) =>
        BivariateMoments.FromSums(a.L("n"), a.D("sum_x"), a.D("sum_y"), a.D("sum_x2"), a.D("sum_y2"), a.D("sum_xy"));
}
