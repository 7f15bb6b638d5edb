using System.Text.Json;
using Verdict.Statistics.Power;
using Xunit;

namespace Verdict.Statistics.Tests.Reference;

public sealed class PlanningReferenceTests
{
    public static TheoryData<string> Simple => ReferenceData.Names("sample_size", "simple");

    public static TheoryData<string> Pooled => ReferenceData.Names("sample_size", "pooled");

    public static TheoryData<string> Continuous => ReferenceData.Names("sample_size", "continuous");

    public static TheoryData<string> CupedPlans => ReferenceData.Names("sample_size", "cuped");

    public static TheoryData<string> Mde => ReferenceData.Names("sample_size", "mde");

    public static TheoryData<string> Power => ReferenceData.Names("sample_size", "power");

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
        var c = ReferenceData.Case("sample_size", name, "continuous");
        var i = c.GetProperty("input");
        Check(c, SampleSize.ForMeans(i.D("sd"), i.D("mde"), i.D("alpha"), i.D("power"), i.D("ratio")));
    }

    [Theory]
    [MemberData(nameof(CupedPlans))]
    public void ForMeans_WithCovariate_MatchesReference(string name)
    {
        var c = ReferenceData.Case("sample_size", name, "cuped");
        var i = c.GetProperty("input");
        Check(c, SampleSize.ForMeans(i.D("sd"), i.D("mde"), i.D("alpha"), i.D("power"), i.D("ratio"), i.D("rho")));
    }

    [Theory]
    [MemberData(nameof(Mde))]
    public void MinimumDetectableEffect_MatchesReference(string name)
    {
        var c = ReferenceData.Case("sample_size", name, "mde");
        var i = c.GetProperty("input");
        var n = i.L("n_control");
        var actual = i.GetProperty("kind").GetString() == "continuous"
            ? SampleSize.MinimumDetectableEffectForMeans(i.D("sd"), n, i.D("alpha"), i.D("power"), i.D("ratio"))
            : SampleSize.MinimumDetectableEffectForProportions(i.D("baseline_rate"), n, i.D("alpha"), i.D("power"), SampleSizeFormula.Simple, i.D("ratio"));
        Close.Equal(c.GetProperty("expected").D("mde"), actual, what: name);
    }

    [Theory]
    [MemberData(nameof(Power))]
    public void Power_MatchesStatsmodels(string name)
    {
        var c = ReferenceData.Case("sample_size", name, "power");
        var i = c.GetProperty("input");
        var n = i.L("n_control");
        var actual = i.GetProperty("kind").GetString() == "continuous"
            ? SampleSize.PowerForMeans(i.D("sd"), i.D("mde"), n, i.D("alpha"), i.D("ratio"))
            : SampleSize.PowerForProportions(i.D("baseline_rate"), i.D("mde"), n, i.D("alpha"), SampleSizeFormula.Simple, i.D("ratio"));
        Close.Equal(c.GetProperty("expected").D("power"), actual, what: name);
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
        var c = ReferenceData.Case("sample_size", name, kind);
        var i = c.GetProperty("input");
        Check(c, SampleSize.ForProportions(i.D("baseline_rate"), i.D("mde"), i.D("alpha"), i.D("power"), formula, i.D("ratio")));
    }

    private static void Check(JsonElement c, SampleSizeResult actual)
    {
        var e = c.GetProperty("expected");
        Close.Equal(e.D("n_control_raw"), actual.ExactControl, what: c.GetProperty("name").GetString());
        Assert.Equal(e.L("n_control"), actual.Control);
        Assert.Equal(e.L("n_treatment"), actual.Treatment);
        Assert.Equal(e.L("total"), actual.Total);
    }
}
