using System.Text.Json;
using Verdict.Statistics.Bayesian;
using Verdict.Statistics.Guardrails;
using Verdict.Statistics.Integrity;
using Verdict.Statistics.MultipleTesting;
using Verdict.Statistics.Quantiles;
using Xunit;

namespace Verdict.Statistics.Tests.Reference;

public sealed class OtherReferenceTests
{
    public static TheoryData<string> Srm => ReferenceData.Names("srm");

    public static TheoryData<string> Adjust => ReferenceData.Names("adjust");

    public static TheoryData<string> Quantile => ReferenceData.Names("quantile");

    public static TheoryData<string> BayesBinomial => ReferenceData.Names("bayes_binomial");

    public static TheoryData<string> BayesGaussian => ReferenceData.Names("bayes_gaussian");

    public static TheoryData<string> NonInferiorityCases => ReferenceData.Names("noninferiority");

    [Theory]
    [MemberData(nameof(Srm))]
    public void SampleRatioMismatch_MatchesScipyChisquare(string name)
    {
        var c = ReferenceData.Case("srm", name);
        var i = c.GetProperty("input");
        var counts = i.GetProperty("counts").EnumerateArray().Select(x => (long)x.GetDouble()).ToArray();
        var weights = i.GetProperty("weights").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var result = SampleRatioMismatch.Test(counts, weights);
        var e = c.GetProperty("expected");
        Close.Equal(e.D("chi_square"), result.ChiSquare, what: "chi_square");
        Assert.Equal(e.L("df"), result.DegreesOfFreedom);
        Close.Equal(e.D("p_value"), result.PValue, 1e-8, "p_value", absolute: 1e-300);
        var used = e.GetProperty("arms_used").EnumerateArray().Select(x => x.GetInt32()).ToArray();
        Assert.Equal(Enumerable.Range(0, counts.Length).Except(used), result.ExcludedArms);
    }

    [Theory]
    [MemberData(nameof(Adjust))]
    public void Adjust_MatchesStatsmodelsMultipletests(string name)
    {
        var c = ReferenceData.Case("adjust", name);
        var p = c.GetProperty("input").GetProperty("p_values").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var e = c.GetProperty("expected");
        foreach (var (key, method) in new[] { ("bonferroni", PValueAdjustmentMethod.Bonferroni), ("holm", PValueAdjustmentMethod.Holm), ("fdr_bh", PValueAdjustmentMethod.BenjaminiHochberg) })
        {
            var expected = e.GetProperty(key).EnumerateArray().Select(x => x.GetDouble()).ToArray();
            var actual = PValueAdjustment.Adjust(p, method);
            for (var k = 0; k < p.Length; k++)
            {
                Close.Equal(expected[k], actual[k], what: $"{name} {key}[{k}]");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Quantile))]
    public void Quantile_OrderStatisticInterval_MatchesReference(string name)
    {
        var c = ReferenceData.Case("quantile", name);
        var i = c.GetProperty("input");
        var alpha = i.D("alpha");
        var control = i.GetProperty("control").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var treatment = i.GetProperty("treatment").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        foreach (var r in c.GetProperty("expected").GetProperty("results").EnumerateArray())
        {
            var q = r.D("q");
            var ce = QuantileEstimate.FromValues(control, q, alpha);
            var te = QuantileEstimate.FromValues(treatment, q, alpha);
            CheckArm(r.GetProperty("control"), ce);
            CheckArm(r.GetProperty("treatment"), te);
            var diff = QuantileDifference.Compare(ce, te, alpha);
            var d = r.GetProperty("difference");
            Close.Equal(d.D("estimate"), diff.Absolute.Value, what: $"q{q} estimate");
            Close.Equal(d.D("se"), diff.Absolute.StandardError, what: $"q{q} se");
            Close.Equal(d.D("ci_low"), diff.Absolute.CiLow, what: $"q{q} ci_low");
            Close.Equal(d.D("p_value"), diff.Absolute.PValue, what: $"q{q} p");
        }
    }

    [Theory]
    [MemberData(nameof(BayesBinomial))]
    public void BetaBinomial_MatchesScipyQuadrature(string name)
    {
        var c = ReferenceData.Case("bayes_binomial", name);
        var i = c.GetProperty("input");
        var r = BetaBinomial.Compare(i.L("control_successes"), i.L("control_n"), i.L("treatment_successes"), i.L("treatment_n"), new BetaPrior(i.D("prior_alpha"), i.D("prior_beta")));
        var e = c.GetProperty("expected");
        Close.Equal(e.GetProperty("control_posterior").D("mean"), r.ControlPosteriorMean, what: "control mean");
        Close.Equal(e.D("difference_mean"), r.LiftMean, what: "lift mean");
        Close.Equal(e.D("difference_sd"), r.LiftStandardDeviation, what: "lift sd");

        // Numerical integration: agreement to 1e-7 absolute.
        Close.Equal(e.D("chance_to_beat"), r.ChanceToBeatControl, 0, "chance", absolute: 1e-7);
        Close.Equal(e.D("expected_loss_treatment"), r.ExpectedLossTreatment, 0, "loss T", absolute: 1e-8);
        Close.Equal(e.D("expected_loss_control"), r.ExpectedLossControl, 0, "loss C", absolute: 1e-8);
    }

    [Theory]
    [MemberData(nameof(BayesGaussian))]
    public void GaussianLift_MatchesScipyNormal(string name)
    {
        var c = ReferenceData.Case("bayes_gaussian", name);
        var i = c.GetProperty("input");
        var r = GaussianLift.Compare(i.D("estimate"), i.D("se"), i.OptionalD("prior_mean") ?? 0, i.OptionalD("prior_sd"), i.D("alpha"));
        var e = c.GetProperty("expected");
        Close.Equal(e.D("posterior_mean"), r.LiftMean, what: "mean");
        Close.Equal(e.D("posterior_sd"), r.LiftStandardDeviation, what: "sd");
        Close.Equal(e.D("chance_to_beat"), r.ChanceToBeatControl, what: "chance");
        Close.Equal(e.D("ci_low"), r.CredibleLow, what: "ci_low");
        Close.Equal(e.D("ci_high"), r.CredibleHigh, what: "ci_high");
        Close.Equal(e.D("expected_loss"), r.ExpectedLossTreatment, 1e-8, "loss");
    }

    [Theory]
    [MemberData(nameof(NonInferiorityCases))]
    public void NonInferiority_MatchesOneSidedZTest(string name)
    {
        var c = ReferenceData.Case("noninferiority", name);
        var i = c.GetProperty("input");
        var direction = i.GetProperty("direction").GetString() == "increase_is_bad" ? NonInferiorityDirection.IncreaseIsBad : NonInferiorityDirection.DecreaseIsBad;
        var r = NonInferiority.Test(i.D("estimate"), i.D("se"), i.D("margin"), direction, i.D("alpha"));
        var e = c.GetProperty("expected");
        Close.Equal(e.D("bound"), r.Bound, what: "bound");
        Close.Equal(e.D("p_value"), r.PValue, what: "p");
        Assert.Equal(e.GetProperty("passed").GetBoolean(), r.Passed);
    }

    private static void CheckArm(JsonElement e, QuantileEstimate actual)
    {
        Assert.Equal(e.L("rank_point"), actual.Ranks.Point);
        Assert.Equal(e.L("rank_low"), actual.Ranks.Low);
        Assert.Equal(e.L("rank_high"), actual.Ranks.High);
        Close.Equal(e.D("value_point"), actual.Value, what: "point");
        Close.Equal(e.D("se"), actual.StandardError, what: "se");
    }
}
