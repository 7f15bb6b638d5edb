using Verdict.Statistics.Power;
using Verdict.Statistics.VarianceReduction;
using Xunit;

namespace Verdict.Statistics.Tests.Reference;

public sealed class PlanningReferenceTests
{
    public static TheoryData<string> Simple => StatsReference.Names(StatsReference.Value.SampleSize.Simple);

    public static TheoryData<string> Pooled => StatsReference.Names(StatsReference.Value.SampleSize.Pooled);

    public static TheoryData<string> Continuous => StatsReference.Names(StatsReference.Value.SampleSize.Continuous);

    public static TheoryData<string> CupedPlans => StatsReference.Names(StatsReference.Value.SampleSize.Cuped);

    public static TheoryData<string> Mde => StatsReference.Names(StatsReference.Value.SampleSize.Mde);

    public static TheoryData<string> Power => StatsReference.Names(StatsReference.Value.SampleSize.Power);

    [Theory]
    [MemberData(nameof(Simple))]
    public void ForProportions_Simple_MatchesReference(string name) => CheckBinary(name, "simple", SampleSizeFormula.Simple);

    [Theory]
    [MemberData(nameof(Pooled))]
    public void ForProportions_Pooled_MatchesReference(string name) => CheckBinary(name, "pooled", SampleSizeFormula.Pooled);

    [Theory]
    [MemberData(nameof(Continuous))]
    public void ForMeans_MatchesReference(string name)
    {
        var c = StatsReference.Value.SampleSize.Continuous.Single(c => c.Name == name);
        var i = c.Input;
        Check(c, SampleSize.ForMeans(i.Sd!.Value, i.Mde, i.Alpha, i.Power, i.Ratio));
    }

    [Theory]
    [MemberData(nameof(CupedPlans))]
    public void ForMeans_WithCovariate_MatchesReference(string name)
    {
        var c = StatsReference.Value.SampleSize.Cuped.Single(c => c.Name == name);
        var i = c.Input;
        Check(c, SampleSize.ForMeans(i.Sd!.Value, i.Mde, i.Alpha, i.Power, i.Ratio, i.Rho!.Value));
    }

    [Theory]
    [MemberData(nameof(Mde))]
    public void MinimumDetectableEffect_MatchesReference(string name)
    {
        var c = StatsReference.Value.SampleSize.Mde.Single(c => c.Name == name);
        var i = c.Input;
        var n = i.NControl;
        var actual = i.Kind == "continuous"
            ? SampleSize.MinimumDetectableEffectForMeans(i.Sd!.Value, n, i.Alpha, i.Power!.Value, i.Ratio)
            : SampleSize.MinimumDetectableEffectForProportions(i.BaselineRate!.Value, n, i.Alpha, i.Power!.Value, SampleSizeFormula.Simple, i.Ratio);
        Close.Equal(c.Expected.Mde, actual, what: name);
    }

    [Theory]
    [MemberData(nameof(Power))]
    public void Power_MatchesStatsmodels(string name)
    {
        var c = StatsReference.Value.SampleSize.Power.Single(c => c.Name == name);
        var i = c.Input;
        var n = i.NControl;
        var actual = i.Kind == "continuous"
            ? SampleSize.PowerForMeans(i.Sd!.Value, i.Mde!.Value, n, i.Alpha, i.Ratio)
            : SampleSize.PowerForProportions(i.BaselineRate!.Value, i.Mde!.Value, n, i.Alpha, SampleSizeFormula.Simple, i.Ratio);
        Close.Equal(c.Expected.Power, actual, what: name);
    }

    [Fact]
    public void PooledMde_InvertsPooledSampleSize()
    {
        var n = SampleSize.ForProportions(0.6, 0.05, formula: SampleSizeFormula.Pooled);
        var mde = SampleSize.MinimumDetectableEffectForProportions(0.6, (long)Math.Round(n.ExactControl * 1e6) / 1_000_000, formula: SampleSizeFormula.Pooled);
        Assert.InRange(mde, 0.0499, 0.0501);
        var power = SampleSize.PowerForProportions(0.6, 0.05, n.Control, formula: SampleSizeFormula.Pooled);
        Assert.InRange(power, 0.8, 0.81);
    }

    [Fact]
    public void DurationDays_RoundsUpTotalOverDailyTraffic()
    {
        var n = SampleSize.ForProportions(0.38, 0.02);
        Assert.Equal((int)Math.Ceiling(n.Total / 1000.0), n.DurationDays(1000));
        Assert.Equal((int)Math.Ceiling(n.Total / 500.0), n.DurationDays(1000, exposure: 0.5));
    }

    private static void CheckBinary(string name, string kind, SampleSizeFormula formula)
    {
        var c = (kind == "simple" ? StatsReference.Value.SampleSize.Simple : StatsReference.Value.SampleSize.Pooled).Single(c => c.Name == name);
        var i = c.Input;
        Check(c, SampleSize.ForProportions(i.BaselineRate!.Value, i.Mde, i.Alpha, i.Power, formula, i.Ratio));
    }

    private static void Check(StatsCase<SampleSizeInput, SampleSizeExpected> c, SampleSizeResult actual)
    {
        var e = c.Expected;
        Close.Equal(e.NControlRaw, actual.ExactControl, what: c.Name);
        Assert.Equal(e.NControl, actual.Control);
        Assert.Equal(e.NTreatment, actual.Treatment);
        Assert.Equal(e.Total, actual.Total);
    }
}
