using Verdict.Statistics.Simulation;
using Xunit;

namespace Verdict.Statistics.Tests.Simulation;

/// <summary>
/// Seeded A/A simulations of the four peeking policies. Error rates are checked against alpha + 3 standard errors
/// of a binomial proportion (never against hand-typed rates); naive peeking must exceed that bound.
/// </summary>
public sealed class PeekingSimulationTests
{
    private const double Alpha = 0.05;

    [Fact]
    [Trait("Category", "Slow")]
    public void Run_SeedStudy_PlannedAndAlwaysValidHoldAlphaWhileNaivePeekingDoesNot()
    {
        var options = new PeekingSimulationOptions { Trials = 20000, Seed = 11 };
        var result = PeekingSimulation.Run(options, null, TestContext.Current.CancellationToken);
        var bound = Alpha + (3 * Math.Sqrt(Alpha * (1 - Alpha) / options.Trials));

        Assert.True(result[PeekingPolicy.FixedHorizon].Rate <= bound, $"fixed horizon {result[PeekingPolicy.FixedHorizon].Rate}");
        Assert.True(result[PeekingPolicy.ObrienFlemingPlan].Rate <= bound, $"O'Brien–Fleming plan {result[PeekingPolicy.ObrienFlemingPlan].Rate}");
        Assert.True(result[PeekingPolicy.AlwaysValid].Rate <= bound, $"always valid {result[PeekingPolicy.AlwaysValid].Rate}");
        Assert.True(result[PeekingPolicy.NaivePeeking].CiLow > bound, $"naive peeking {result[PeekingPolicy.NaivePeeking].Rate}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Run_UnequalLookSizes_RegisteredPlanStillHoldsAlpha()
    {
        // Five looks at a third of the batches each: the plan keeps alpha with fewer, larger looks as well.
        var options = new PeekingSimulationOptions { Trials = 20000, Looks = 5, BatchSize = 400, Seed = 2024 };
        var result = PeekingSimulation.Run(options, null, TestContext.Current.CancellationToken);
        var bound = Alpha + (3 * Math.Sqrt(Alpha * (1 - Alpha) / options.Trials));

        Assert.True(result[PeekingPolicy.ObrienFlemingPlan].Rate <= bound, $"O'Brien–Fleming plan {result[PeekingPolicy.ObrienFlemingPlan].Rate}");
        Assert.True(result[PeekingPolicy.AlwaysValid].Rate <= bound, $"always valid {result[PeekingPolicy.AlwaysValid].Rate}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Run_FrequentMonitoring_AlwaysValidHoldsAlpha()
    {
        // Fifty looks, one every 20 units per arm, with the sequence tuned for the planned 2 000 units.
        var options = new PeekingSimulationOptions { Trials = 10000, Looks = 50, BatchSize = 20, Seed = 99 };
        var result = PeekingSimulation.Run(options, null, TestContext.Current.CancellationToken);
        var bound = Alpha + (3 * Math.Sqrt(Alpha * (1 - Alpha) / options.Trials));

        Assert.True(result[PeekingPolicy.AlwaysValid].Rate <= bound, $"always valid {result[PeekingPolicy.AlwaysValid].Rate}");
        Assert.True(result[PeekingPolicy.ObrienFlemingPlan].Rate <= bound, $"O'Brien–Fleming plan {result[PeekingPolicy.ObrienFlemingPlan].Rate}");
        Assert.True(result[PeekingPolicy.NaivePeeking].CiLow > bound, $"naive peeking {result[PeekingPolicy.NaivePeeking].Rate}");
    }

    [Fact]
    public void Run_SameSeed_IsIdenticalOnOneOrTwoThreads()
    {
        var one = PeekingSimulation.Run(new PeekingSimulationOptions { Trials = 300, Looks = 5, Seed = 7, MaxDegreeOfParallelism = 1 }, null, TestContext.Current.CancellationToken);
        var two = PeekingSimulation.Run(new PeekingSimulationOptions { Trials = 300, Looks = 5, Seed = 7, MaxDegreeOfParallelism = 2 }, null, TestContext.Current.CancellationToken);

        Assert.Equal(one.Outcomes, two.Outcomes);
    }

    [Fact]
    public void Run_DifferentSeeds_GiveDifferentData()
    {
        var a = PeekingSimulation.Run(new PeekingSimulationOptions { Trials = 400, Looks = 5, Seed = 1 }, null, TestContext.Current.CancellationToken);
        var b = PeekingSimulation.Run(new PeekingSimulationOptions { Trials = 400, Looks = 5, Seed = 2 }, null, TestContext.Current.CancellationToken);

        Assert.NotEqual(a.Outcomes, b.Outcomes);
    }

    [Fact]
    public void Run_ReportsProgressUpToAllTrials()
    {
        var seen = new List<int>();
        var progress = new SynchronousProgress(seen);
        PeekingSimulation.Run(new PeekingSimulationOptions { Trials = 200, Looks = 3 }, progress, TestContext.Current.CancellationToken);

        Assert.Equal(200, seen.Max());
    }

    [Fact]
    public void ClopperPearson_ContainsTheRateAndStaysInUnitInterval()
    {
        var (low, high) = PeekingSimulation.ClopperPearson(250, 5000, 0.05);
        var (zeroLow, _) = PeekingSimulation.ClopperPearson(0, 10, 0.05);

        Assert.True(low < 0.05 && 0.05 < high);
        Assert.Equal(0, zeroLow);
    }

    private sealed class SynchronousProgress(List<int> seen) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (seen)
            {
                seen.Add(value);
            }
        }
    }
}
