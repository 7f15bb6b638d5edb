using Verdict.Statistics.Bayesian;
using Verdict.Statistics.Guardrails;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Integrity;
using Verdict.Statistics.MultipleTesting;
using Verdict.Statistics.Quantiles;
using Xunit;

namespace Verdict.Statistics.Tests.Reference;

public sealed class OtherReferenceTests
{
    public static TheoryData<string> Srm => StatsReference.Names(StatsReference.Value.Srm);

    public static TheoryData<string> Adjust => StatsReference.Names(StatsReference.Value.Adjust);

    public static TheoryData<string> Quantile => StatsReference.Names(StatsReference.Value.Quantile);

    public static TheoryData<string> BayesBinomial => StatsReference.Names(StatsReference.Value.BayesBinomial);

    public static TheoryData<string> BayesGaussian => StatsReference.Names(StatsReference.Value.BayesGaussian);

    public static TheoryData<string> NonInferiorityCases => StatsReference.Names(StatsReference.Value.Noninferiority);

    [Theory]
    [MemberData(nameof(Srm))]
    public void SampleRatioMismatch_MatchesScipyChisquare(string name)
    {
        var c = StatsReference.Value.Srm.Single(c => c.Name == name);
        var i = c.Input;
        var counts = i.Counts.ToArray();
        var weights = i.Weights.ToArray();
        var result = SampleRatioMismatch.Test(counts, weights);
        var e = c.Expected;
        Close.Equal(e.ChiSquare, result.ChiSquare, what: "chi_square");
        Assert.Equal(e.Df, result.DegreesOfFreedom);
        Close.Equal(e.PValue, result.PValue, 1e-8, "p_value", absolute: 1e-300);
        var used = e.ArmsUsed.ToArray();
        Assert.Equal(Enumerable.Range(0, counts.Length).Except(used), result.ExcludedArms);
    }

    [Theory]
    [MemberData(nameof(Adjust))]
    public void Adjust_MatchesStatsmodelsMultipletests(string name)
    {
        var c = StatsReference.Value.Adjust.Single(c => c.Name == name);
        var p = c.Input.PValues.ToArray();
        var e = c.Expected;
        foreach (var (key, method, adjusted) in new[] { ("bonferroni", PValueAdjustmentMethod.Bonferroni, e.Bonferroni), ("holm", PValueAdjustmentMethod.Holm, e.Holm), ("fdr_bh", PValueAdjustmentMethod.BenjaminiHochberg, e.FdrBh) })
        {
            var expected = adjusted.ToArray();
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
        var c = StatsReference.Value.Quantile.Single(c => c.Name == name);
        var i = c.Input;
        var alpha = i.Alpha;
        var control = i.Control.ToArray();
        var treatment = i.Treatment.ToArray();
        foreach (var r in c.Expected.Results)
        {
            var q = r.Q;
            var ce = QuantileEstimate.FromValues(control, q, alpha);
            var te = QuantileEstimate.FromValues(treatment, q, alpha);
            CheckArm(r.Control, ce);
            CheckArm(r.Treatment, te);
            var diff = QuantileDifference.Compare(ce, te, alpha);
            var d = r.Difference;
            Close.Equal(d.Estimate!.Value, diff.Absolute.Value, what: $"q{q} estimate");
            Close.Equal(d.Se!.Value, diff.Absolute.StandardError, what: $"q{q} se");
            Close.Equal(d.CiLow!.Value, diff.Absolute.CiLow, what: $"q{q} ci_low");
            Close.Equal(d.PValue!.Value, diff.Absolute.PValue, what: $"q{q} p");
        }
    }

    [Theory]
    [MemberData(nameof(BayesBinomial))]
    public void BetaBinomial_MatchesScipyQuadrature(string name)
    {
        var c = StatsReference.Value.BayesBinomial.Single(c => c.Name == name);
        var i = c.Input;
        var r = BetaBinomial.Compare(i.ControlSuccesses, i.ControlN, i.TreatmentSuccesses, i.TreatmentN, new BetaPrior(i.PriorAlpha, i.PriorBeta));
        var e = c.Expected;
        Close.Equal(e.ControlPosterior.Mean, r.ControlPosteriorMean, what: "control mean");
        Close.Equal(e.DifferenceMean, r.LiftMean, what: "lift mean");
        Close.Equal(e.DifferenceSd, r.LiftStandardDeviation, what: "lift sd");

        // Numerical integration: agreement to 1e-7 absolute.
        Close.Equal(e.ChanceToBeat, r.ChanceToBeatControl, 0, "chance", absolute: 1e-7);
        Close.Equal(e.ExpectedLossTreatment, r.ExpectedLossTreatment, 0, "loss T", absolute: 1e-8);
        Close.Equal(e.ExpectedLossControl, r.ExpectedLossControl, 0, "loss C", absolute: 1e-8);
    }

    [Theory]
    [MemberData(nameof(BayesGaussian))]
    public void GaussianLift_MatchesScipyNormal(string name)
    {
        var c = StatsReference.Value.BayesGaussian.Single(c => c.Name == name);
        var i = c.Input;
        var r = GaussianLift.Compare(i.Estimate, i.Se, i.PriorMean ?? 0, i.PriorSd, i.Alpha);
        var e = c.Expected;
        Close.Equal(e.PosteriorMean, r.LiftMean, what: "mean");
        Close.Equal(e.PosteriorSd, r.LiftStandardDeviation, what: "sd");
        Close.Equal(e.ChanceToBeat, r.ChanceToBeatControl, what: "chance");
        Close.Equal(e.CiLow, r.CredibleLow, what: "ci_low");
        Close.Equal(e.CiHigh, r.CredibleHigh, what: "ci_high");
        Close.Equal(e.ExpectedLoss, r.ExpectedLossTreatment, 1e-8, "loss");
    }

    [Theory]
    [MemberData(nameof(NonInferiorityCases))]
    public void NonInferiority_MatchesOneSidedZTest(string name)
    {
        var c = StatsReference.Value.Noninferiority.Single(c => c.Name == name);
        var i = c.Input;
        var direction = i.Direction == "increase_is_bad" ? NonInferiorityDirection.IncreaseIsBad : NonInferiorityDirection.DecreaseIsBad;
        var r = NonInferiority.Test(i.Estimate, i.Se, i.Margin, direction, i.Alpha);
        var e = c.Expected;
        Close.Equal(e.Bound, r.Bound, what: "bound");
        Close.Equal(e.PValue, r.PValue, what: "p");
        Assert.Equal(e.Passed, r.Passed);
    }

    private static void CheckArm(QuantileArm e, QuantileEstimate actual)
    {
        Assert.Equal(e.RankPoint, actual.Ranks.Point);
        Assert.Equal(e.RankLow, actual.Ranks.Low);
        Assert.Equal(e.RankHigh, actual.Ranks.High);
        Close.Equal(e.ValuePoint, actual.Value, what: "point");
        Close.Equal(e.Se, actual.StandardError, what: "se");
    }
}
