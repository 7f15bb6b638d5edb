using Verdict.Statistics.Bandits;
using Verdict.Statistics.Bayesian;
using Verdict.Statistics.Paired;
using Verdict.Statistics.SufficientStatistics;
using Xunit;

namespace Verdict.Statistics.Tests.Bandits;

/// <summary>Weights from posteriors: the floor, the minimum sample, and top-two Thompson against a direct simulation of its rule.</summary>
public sealed class ThompsonAllocationTests
{
    private static readonly ArmPosterior[] ThreeArms =
    [
        ArmPosterior.FromBinary(30, 100, BetaPrior.Flat),
        ArmPosterior.FromBinary(36, 100, BetaPrior.Flat),
        ArmPosterior.FromBinary(33, 100, BetaPrior.Flat),
    ];

    [Fact]
    public void Compute_Plain_WeightsAreProbabilityBestAfterFloor()
    {
        var options = new ThompsonOptions { MinimumWeight = 0.05, MinimumSamplePerArm = 50 };
        var result = ThompsonAllocation.Compute(ThreeArms, options);
        Assert.True(result.Updated);
        Assert.Equal(1, result.Weights.Sum(), 1e-12);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0.05 + (0.85 * result.ProbabilityBest[i]), result.Weights[i], 1e-12);
            Assert.True(result.Weights[i] >= 0.05);
        }
    }

    [Fact]
    public void Compute_ArmBelowMinimumSample_KeepsCurrentWeights()
    {
        ArmPosterior[] arms = [ArmPosterior.FromBinary(5, 19, BetaPrior.Flat), ArmPosterior.FromBinary(90, 100, BetaPrior.Flat)];
        var result = ThompsonAllocation.Compute(arms, new ThompsonOptions { MinimumSamplePerArm = 20 }, [0.3, 0.7]);
        Assert.False(result.Updated);
        Assert.Equal([0.3, 0.7], result.Weights);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Contains("arm 0 has 19", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_FloorTooLargeForArms_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ThompsonAllocation.Compute(ThreeArms, new ThompsonOptions { MinimumWeight = 0.34 }));
    }

    [Fact]
    public void TopTwo_MatchesDirectSimulationOfTheRule()
    {
        // Russo (2020): draw; the leader I plays with probability β, else redraw until the argmax J ≠ I and play J.
        const double beta = 0.5;
        var random = new SeededRandom(77);
        var plays = new long[3];
        const int trials = 60_000;
        for (var t = 0; t < trials; t++)
        {
            var leader = ProbabilityBest.Thompson(ThreeArms, random);
            if (random.NextDouble() < beta)
            {
                plays[leader]++;
                continue;
            }

            int challenger;
            do
            {
                challenger = ProbabilityBest.Thompson(ThreeArms, random);
            }
            while (challenger == leader);
            plays[challenger]++;
        }

        var psi = ThompsonAllocation.TopTwo(ProbabilityBest.Quadrature(ThreeArms), beta);
        Assert.Equal(1, psi.Sum(), 1e-12);
        for (var i = 0; i < 3; i++)
        {
            var observed = (double)plays[i] / trials;
            var tolerance = 5 * Math.Sqrt(psi[i] * (1 - psi[i]) / trials);
            Assert.True(Math.Abs(observed - psi[i]) <= tolerance, $"arm {i}: formula {psi[i]:F4}, simulated {observed:F4}");
        }
    }

    [Fact]
    public void TopTwo_CertainLeader_SplitsChallengerTurnEvenly()
    {
        var psi = ThompsonAllocation.TopTwo([0, 1, 0], 0.6);
        Assert.Equal([0.2, 0.6, 0.2], psi.Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Compute_TopTwo_GivesLessToTheLeaderThanPlainThompson()
    {
        var options = new ThompsonOptions { MinimumSamplePerArm = 0, MinimumWeight = 0 };
        var plain = ThompsonAllocation.Compute(ThreeArms, options);
        var topTwo = ThompsonAllocation.Compute(ThreeArms, new ThompsonOptions { MinimumSamplePerArm = 0, MinimumWeight = 0, TopTwo = true });
        Assert.True(plain.ProbabilityBest[1] > 0.5);
        Assert.True(topTwo.Weights[1] < plain.Weights[1]);
    }

    [Fact]
    public void FromMoments_FlatPrior_IsSampleMeanAndStandardError()
    {
        var rewards = Moments.FromMeanAndStandardDeviation(400, 3.6, 0.8);
        var posterior = ArmPosterior.FromMoments(rewards);
        Assert.Equal(3.6, posterior.Mean, 12);
        Assert.Equal(0.8 / 20, posterior.StandardDeviation, 12);
    }

    [Fact]
    public void FromMoments_NormalPrior_ShrinksTowardPriorByPrecision()
    {
        // Prior N(0, 0.1²) has precision 100; data precision n/s² = 100/1 = 100: the mean halves.
        var posterior = ArmPosterior.FromMoments(Moments.FromMeanAndStandardDeviation(100, 1.0, 1.0), 0, 0.1);
        Assert.Equal(0.5, posterior.Mean, 12);
        Assert.Equal(Math.Sqrt(1.0 / 200), posterior.StandardDeviation, 12);
    }
}
