using Verdict.Statistics.OffPolicy;
using Verdict.Statistics.Tests.Reference;
using Xunit;

namespace Verdict.Statistics.Tests.OffPolicy;

/// <summary>Pins IPS, self-normalized IPS and doubly robust to numpy/statsmodels values from tests/reference/ope/generate.py.</summary>
public sealed class OffPolicyReferenceTests
{
    public static TheoryData<int> Cases => new(Enumerable.Range(0, OffPolicyReference.Value.Cases.Count));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_SeededLoggedBandit_MatchesNumpyAndStatsmodels(int index)
    {
        var c = OffPolicyReference.Value.Cases[index];
        var clip = c.Clip;
        var options = new OffPolicyOptions { Alpha = c.Alpha, MaxWeight = clip, BootstrapResamples = 0, CrossFitFolds = c.Folds };
        var result = OffPolicyEvaluation.Evaluate(OffPolicyReference.Value.LoggedDecisions(), options);

        // Tolerance: 1e-9 relative (closed forms in double precision; the OLS fits agree to ~1e-13).
        Close.Block(c.Logged, result.Logged, "logged");
        Close.Block(c.Ips, result[OffPolicyEstimator.InversePropensity].Value, "ips");
        Close.Block(c.Snips, result[OffPolicyEstimator.SelfNormalized].Value, "snips");
        Close.Block(c.Dr, result[OffPolicyEstimator.DoublyRobust].Value, "dr");
        Close.Block(c.IpsVersusLogged, result[OffPolicyEstimator.InversePropensity].VersusLogged, "ips_versus_logged");
        Close.Block(c.SnipsVersusLogged, result[OffPolicyEstimator.SelfNormalized].VersusLogged, "snips_versus_logged");
        Close.Block(c.DrVersusLogged, result[OffPolicyEstimator.DoublyRobust].VersusLogged, "dr_versus_logged");
        Close.Equal(c.EffectiveSampleSize, result.Weights.EffectiveSampleSize, what: "ess");
        Close.Equal(c.MeanWeight, result.Weights.Mean, what: "mean weight");
        Close.Equal(c.MaxWeight, result.Weights.Max, what: "max weight");
        Assert.Equal(c.Clipped, result.Weights.ClippedCount);
        if (clip is null)
        {
            Assert.True(double.IsNaN(result.ClippingBias));
        }
        else
        {
            Close.Equal(c.ClippingBias!.Value, result.ClippingBias, what: "clipping bias");
        }
    }

    [Fact]
    public void Evaluate_SeededLoggedBandit_IntervalsCoverTheKnownTrueValue()
    {
        var truth = OffPolicyReference.Value.TrueValue;
        var result = OffPolicyEvaluation.Evaluate(OffPolicyReference.Value.LoggedDecisions(), new OffPolicyOptions { BootstrapResamples = 2000, Seed = 7 });

        foreach (var estimate in result.Estimates)
        {
            // One seeded dataset: the truth lies within 3 standard errors of every unbiased estimator.
            Assert.True(Math.Abs(estimate.Value.Value - truth) < 3 * estimate.Value.StandardError, $"{estimate.Estimator}: {estimate.Value.Value} vs true {truth}");
            Assert.InRange(estimate.Value.Value, estimate.BootstrapLow, estimate.BootstrapHigh);
            var waldWidth = estimate.Value.CiHigh - estimate.Value.CiLow;
            Assert.InRange(estimate.BootstrapHigh - estimate.BootstrapLow, 0.85 * waldWidth, 1.15 * waldWidth);
        }

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Evaluate_SameSeed_SameBootstrapInterval()
    {
        var decisions = OffPolicyReference.Value.LoggedDecisions();
        var a = OffPolicyEvaluation.Evaluate(decisions, new OffPolicyOptions { Seed = 3, BootstrapResamples = 500 });
        var b = OffPolicyEvaluation.Evaluate(decisions, new OffPolicyOptions { Seed = 3, BootstrapResamples = 500 });
        var c = OffPolicyEvaluation.Evaluate(decisions, new OffPolicyOptions { Seed = 4, BootstrapResamples = 500 });

        Assert.Equal(a.Estimates[2].BootstrapLow, b.Estimates[2].BootstrapLow);
        Assert.NotEqual(a.Estimates[2].BootstrapLow, c.Estimates[2].BootstrapLow);
    }
}
