using Verdict.Statistics.Bandits;
using Xunit;

namespace Verdict.Statistics.Tests.Bandits;

/// <summary>
/// Seeded bandit studies: seed 001's per-pull run matches Python's run of the seed's snippet in distribution, the
/// stratified lift is unbiased and covers, the naive pooled one is biased under drift, and the bandit beats 50/50.
/// </summary>
public sealed class BanditSimulationTests
{
    private static readonly Lazy<BanditSimulationResult> Default = new(() =>
        BanditSimulation.Run(new BanditSimulationOptions { Runs = 2000, MaxDegreeOfParallelism = 2 }));

    [Fact]
    public void Run_SeedStyleTraffic_MatchesPythonSnippetInDistribution()
    {
        var python = BanditReference.Value.Seed001;
        var mean = python.BestArmTrafficMean;
        var sd = python.BestArmTrafficSd;
        var runs = python.Runs;
        var ours = Default.Value.BestArmTraffic;
        // Two independent means of 2 000 runs each: four standard errors of their difference.
        var tolerance = 4 * sd * Math.Sqrt((1.0 / runs) + (1.0 / Default.Value.Runs));
        Assert.True(Math.Abs(ours.Mean - mean) <= tolerance, $"Python mean {mean:F1}, ours {ours.Mean:F1}, tolerance {tolerance:F1}");
        var median = python.BestArmTrafficQuantiles["0.5"];
        Assert.True(Math.Abs(ours.Median - median) <= 15, $"Python median {median}, ours {ours.Median}");
    }

    [Fact]
    public void Run_SeedsPrintedRun_LiesInsideOurSpread()
    {
        var printed = BanditReference.Value.Seed001.Seed7.Traffic[1];
        Assert.InRange(printed, Default.Value.BestArmTraffic.Low, Default.Value.BestArmTraffic.High);
    }

    [Fact]
    public void Run_FirstRun_KeepsSeedsBookkeeping()
    {
        var first = Default.Value.FirstRun;
        Assert.Equal(500, first.Traffic.Sum());
        for (var arm = 0; arm < 2; arm++)
        {
            // The seed starts both counts at 1 (the Beta(1, 1) prior), so successes + failures = pulls + 2.
            Assert.Equal(first.Traffic[arm] + 2, first.Successes[arm] + first.Failures[arm]);
        }
    }

    [Fact]
    public void Run_Drift_NaiveBiasedStratifiedUnbiasedAndCovers()
    {
        var r = Default.Value;
        Assert.True(r.NaiveBias.MeanCiLow > 0, $"naive bias {r.NaiveBias.Mean:F4} [{r.NaiveBias.MeanCiLow:F4}, {r.NaiveBias.MeanCiHigh:F4}] should be positive under rising rates");
        Assert.InRange(0.0, r.StratifiedBias.MeanCiLow, r.StratifiedBias.MeanCiHigh);
        Assert.InRange(0.0, r.InverseProbabilityBias.MeanCiLow, r.InverseProbabilityBias.MeanCiHigh);
        // Coverage of a nominal 95% interval over 2 000 runs: 0.95 ± 3 binomial SE (±0.015).
        Assert.InRange(r.StratifiedCoverage, 0.935, 0.965);
    }

    [Fact]
    public void Run_InverseProbabilityInterval_Covers()
    {
        // The sandwich interval of the IPW lift, over the same 2 000 seeded drifting runs: 0.95 ± 3 binomial SE.
        Assert.InRange(Default.Value.InverseProbabilityCoverage, 0.935, 0.965);
    }

    [Fact]
    public void Run_Bandit_HasLessRegretThanFixedSplit()
    {
        var r = Default.Value;
        Assert.True(r.BanditRegret.MeanCiHigh < r.FixedSplitRegret, $"bandit {r.BanditRegret.Mean:F2}, 50/50 {r.FixedSplitRegret:F2}");
        Assert.Equal(500 * 0.035, r.FixedSplitRegret, 9);
    }

    [Fact]
    public void Run_SameSeedDifferentThreads_SameResult()
    {
        var one = BanditSimulation.Run(new BanditSimulationOptions { Runs = 40, MaxDegreeOfParallelism = 1 }, TestContext.Current.CancellationToken);
        var two = BanditSimulation.Run(new BanditSimulationOptions { Runs = 40, MaxDegreeOfParallelism = 2 }, TestContext.Current.CancellationToken);
        Assert.Equal(one.BanditRegret, two.BanditRegret);
        Assert.Equal(one.NaiveBias, two.NaiveBias);
        Assert.Equal(one.FirstRun.Traffic, two.FirstRun.Traffic);
    }

    [Fact]
    public void Run_StationaryWorld_StratifiedStillUnbiased()
    {
        var r = BanditSimulation.Run(new BanditSimulationOptions { Runs = 1000, Drift = 0, MaxDegreeOfParallelism = 2 }, TestContext.Current.CancellationToken);
        Assert.InRange(0.0, r.StratifiedBias.MeanCiLow, r.StratifiedBias.MeanCiHigh);
    }
}
