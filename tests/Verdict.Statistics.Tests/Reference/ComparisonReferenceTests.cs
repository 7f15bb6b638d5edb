using Verdict.Statistics.Comparisons;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Statistics.VarianceReduction;
using Xunit;

namespace Verdict.Statistics.Tests.Reference;

public sealed class ComparisonReferenceTests
{
    public static TheoryData<string> ProportionCases => StatsReference.Names(StatsReference.Value.Proportions);

    public static TheoryData<string> MeanCases => StatsReference.Names(StatsReference.Value.Means);

    public static TheoryData<string> RatioCases => StatsReference.Names(StatsReference.Value.Ratio);

    public static TheoryData<string> CupedCases => StatsReference.Names(StatsReference.Value.Cuped);

    [Theory]
    [MemberData(nameof(ProportionCases))]
    public void TwoProportions_ReferenceCase_MatchesStatsmodels(string name)
    {
        var c = StatsReference.Value.Proportions.Single(c => c.Name == name);
        var i = c.Input;
        var lift = TwoProportions.Compare(i.ControlSuccesses, i.ControlN, i.TreatmentSuccesses, i.TreatmentN, i.Alpha);
        var e = c.Expected;
        Close.Block(e.Absolute, lift.Absolute, name + " absolute");
        Close.Block(e.Relative, lift.Relative, name + " relative");
    }

    [Theory]
    [MemberData(nameof(MeanCases))]
    public void TwoMeans_FromMeanAndSd_MatchesScipyWelch(string name)
    {
        var c = StatsReference.Value.Means.Single(c => c.Name == name);
        var i = c.Input;
        var control = Moments.FromMeanAndStandardDeviation(i.Control.N, i.Control.Mean, i.Control.Sd);
        var treatment = Moments.FromMeanAndStandardDeviation(i.Treatment.N, i.Treatment.Mean, i.Treatment.Sd);
        var lift = TwoMeans.Compare(control, treatment, i.Alpha);
        Close.Block(c.Expected.Absolute, lift.Absolute, name + " absolute");
        Close.Block(c.Expected.Relative, lift.Relative, name + " relative");
    }

    [Theory]
    [MemberData(nameof(MeanCases))]
    public void TwoMeans_FromSums_MatchesScipyWelch(string name)
    {
        var c = StatsReference.Value.Means.Single(c => c.Name == name);
        var i = c.Input;
        var cs = i.ControlSums;
        var ts = i.TreatmentSums;
        var lift = TwoMeans.Compare(Moments.FromSums(cs.N, cs.Sum, cs.Sumsq), Moments.FromSums(ts.N, ts.Sum, ts.Sumsq), i.Alpha);

        // Σy² carries the rounding of the sums themselves, so agreement is to 1e-6 rather than 1e-9.
        Close.Block(c.Expected.Absolute, lift.Absolute, name + " absolute", 1e-6);
    }

    [Theory]
    [MemberData(nameof(RatioCases))]
    public void RatioMetric_ReferenceCase_MatchesDeltaMethod(string name)
    {
        var c = StatsReference.Value.Ratio.Single(c => c.Name == name);
        var i = c.Input;
        var lift = RatioMetric.Compare(Ratio(i.Control), Ratio(i.Treatment), i.Alpha);
        var e = c.Expected;
        var (rc, vc) = RatioMetric.Of(Ratio(i.Control));
        Close.Equal(e.Control.Ratio, rc, what: "control ratio");
        Close.Equal(e.Control.Variance, vc, 1e-7, "control variance");
        Close.Block(e.Absolute, lift.Absolute, name + " absolute", 1e-7);
        Close.Block(e.Relative, lift.Relative, name + " relative", 1e-7);
    }

    [Theory]
    [MemberData(nameof(CupedCases))]
    public void Cuped_ReferenceCase_MatchesPooledThetaAdjustment(string name)
    {
        var c = StatsReference.Value.Cuped.Single(c => c.Name == name);
        var i = c.Input;
        var result = Cuped.Compare(Cov(i.Control), Cov(i.Treatment), i.Alpha);
        var e = c.Expected;
        Close.Equal(e.Theta, result.Theta, 1e-7, "theta");
        Close.Block(e.Absolute, result.Adjusted.Absolute, name + " adjusted", 1e-7);
        Close.Block(e.Relative, result.Adjusted.Relative, name + " adjusted relative", 1e-7);
        Close.Block(e.Unadjusted, result.Unadjusted.Absolute, name + " unadjusted", 1e-7);
        Close.Equal(e.VarianceReduction, result.VarianceReduction, 1e-7, "variance_reduction");
    }

    [Fact]
    public void Cuped_SeedSimulation_ReproducesPrintedNumbers()
    {
        // Seed 000 prints raw lift 3.15 pp (se 0.70), CUPED lift 3.17 pp (se 0.61), variance reduced 21.9%.
        var c = StatsReference.Value.Cuped.Single(c => c.Name == "seed_rng27_binary_resolution");
        var i = c.Input;
        var result = Cuped.Compare(Cov(i.Control), Cov(i.Treatment));
        Assert.Equal("3.15", (result.Unadjusted.Absolute.Value * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.70", (result.Unadjusted.Absolute.StandardError * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("3.17", (result.Adjusted.Absolute.Value * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.61", (result.Adjusted.Absolute.StandardError * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("21.9", (result.VarianceReduction * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static BivariateMoments Ratio(RatioArm a) =>
        BivariateMoments.FromSums(a.N, a.SumDen, a.SumNum, a.SumDen2, a.SumNum2, a.SumNumDen);

    private static BivariateMoments Cov(CovariateArm a) =>
        BivariateMoments.FromSums(a.N, a.SumX, a.SumY, a.SumX2, a.SumY2, a.SumXy);
}
