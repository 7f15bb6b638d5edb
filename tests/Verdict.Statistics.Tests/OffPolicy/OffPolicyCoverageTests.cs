using Verdict.Statistics.OffPolicy;
using Xunit;

namespace Verdict.Statistics.Tests.OffPolicy;

/// <summary>
/// Seeded coverage of the off-policy intervals on a logged bandit with a known true value. Coverage must lie within
/// 3 binomial standard errors of the nominal 95% (never a hand-typed rate).
/// </summary>
public sealed class OffPolicyCoverageTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Evaluate_SandwichIntervals_Cover95PercentOfTrueValues() =>
        AssertCoverage(trials: 800, decisions: 400, seed: 20261129, resamples: 0, e => (e.Value.CiLow, e.Value.CiHigh));

    [Fact]
    [Trait("Category", "Slow")]
    public void Evaluate_BootstrapIntervals_Cover95PercentOfTrueValues() =>
        AssertCoverage(trials: 200, decisions: 300, seed: 77, resamples: 400, e => (e.BootstrapLow, e.BootstrapHigh));

    private static void AssertCoverage(int trials, int decisions, int seed, int resamples, Func<OffPolicyEstimate, (double Low, double High)> interval)
    {
        var random = new Random(seed);
        var truth = LoggedBanditSimulation.TrueValue;
        var covered = new int[3];
        for (var t = 0; t < trials; t++)
        {
            var result = OffPolicyEvaluation.Evaluate(LoggedBanditSimulation.Draw(random, decisions), new OffPolicyOptions { BootstrapResamples = resamples, Seed = t + 1 });
            foreach (var e in result.Estimates)
            {
                var (low, high) = interval(e);
                covered[(int)e.Estimator] += low <= truth && truth <= high ? 1 : 0;
            }
        }

        var tolerance = 3 * Math.Sqrt(0.95 * 0.05 / trials);
        foreach (var estimator in Enum.GetValues<OffPolicyEstimator>())
        {
            var rate = covered[(int)estimator] / (double)trials;
            Assert.True(Math.Abs(rate - 0.95) <= tolerance, $"{estimator}: coverage {rate:F3}, expected 0.95 ± {tolerance:F3}");
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Evaluate_ClippedIps_IsBiasedDownAsStated()
    {
        // Clipping at 1.5 cuts the weights above it, so the clipped IPS averages below the truth by about the stated bias.
        const int trials = 300;
        var random = new Random(5);
        double sumClipped = 0, sumBias = 0;
        for (var t = 0; t < trials; t++)
        {
            var result = OffPolicyEvaluation.Evaluate(LoggedBanditSimulation.Draw(random, 400), new OffPolicyOptions { BootstrapResamples = 0, MaxWeight = 1.5 });
            sumClipped += result[OffPolicyEstimator.InversePropensity].Value.Value;
            sumBias += result.ClippingBias;
        }

        var meanBias = sumBias / trials;
        var observedBias = (sumClipped / trials) - LoggedBanditSimulation.TrueValue;
        Assert.True(meanBias < -0.01, $"stated bias {meanBias}");
        Assert.True(Math.Abs(observedBias - meanBias) < 0.01, $"observed bias {observedBias:F4}, stated {meanBias:F4}");
    }
}
