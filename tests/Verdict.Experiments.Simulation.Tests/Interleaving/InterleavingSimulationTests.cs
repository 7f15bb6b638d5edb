using Verdict.Experiments.Simulation.Interleaving;

namespace Verdict.Experiments.Simulation.Tests.Interleaving;

/// <summary>The seeded click-model study: interleaving is fair when the rankers are equal and more sensitive when they differ.</summary>
public sealed class InterleavingSimulationTests
{
    [Theory]
    [InlineData(Verdict.Assignment.Interleaving.InterleavingMethod.TeamDraft)]
    [InlineData(Verdict.Assignment.Interleaving.InterleavingMethod.Balanced)]
    public void Run_BetterRankerB_InterleavingNeedsFewerQueries(Verdict.Assignment.Interleaving.InterleavingMethod method)
    {
        var r = InterleavingSimulation.Run(new InterleavingSimulationOptions { QueriesPerBlock = 5000, Blocks = 10, NoiseB = 0.7, Method = method }, TestContext.Current.CancellationToken);
        Assert.True(r.PreferenceShareB > 0.5);
        Assert.True(r.ClickThroughB > r.ClickThroughA);
        Assert.True(r.RatioCiLow > 1, $"ratio {r.SensitivityRatio:F2} [{r.RatioCiLow:F2}, {r.RatioCiHigh:F2}]");
        Assert.InRange(r.SensitivityRatio, r.RatioCiLow, r.RatioCiHigh);
    }

    [Theory]
    [InlineData(Verdict.Assignment.Interleaving.InterleavingMethod.TeamDraft)]
    [InlineData(Verdict.Assignment.Interleaving.InterleavingMethod.Balanced)]
    public void Run_EqualRankers_PreferenceShareIsHalf(Verdict.Assignment.Interleaving.InterleavingMethod method)
    {
        // Fair merges: with rankers of equal quality B's share of 50 000 queries' decisive outcomes is ½ ± 4 SE.
        var r = InterleavingSimulation.Run(new InterleavingSimulationOptions { QueriesPerBlock = 5000, Blocks = 10, NoiseB = 1.0, Method = method }, TestContext.Current.CancellationToken);
        var decisive = r.Queries * (1 - r.TieShare);
        Assert.InRange(r.PreferenceShareB, 0.5 - (4 * Math.Sqrt(0.25 / decisive)), 0.5 + (4 * Math.Sqrt(0.25 / decisive)));
    }

    [Fact]
    public void Run_SameSeed_SameResult()
    {
        var options = new InterleavingSimulationOptions { QueriesPerBlock = 500, Blocks = 4, NoiseB = 0.7 };
        Assert.Equal(InterleavingSimulation.Run(options, TestContext.Current.CancellationToken), InterleavingSimulation.Run(options, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Run_ListLongerThanDocuments_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InterleavingSimulation.Run(new InterleavingSimulationOptions { Documents = 5, ListLength = 10 }, TestContext.Current.CancellationToken));
    }
}
