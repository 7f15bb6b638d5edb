using Verdict.Statistics.Bandits;
using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Statistics.Tests.Reference;
using Xunit;

namespace Verdict.Statistics.Tests.Bandits;

/// <summary>Pins the period-stratified and inverse-propensity estimates to numpy/scipy computed from the raw rewards.</summary>
public sealed class BanditEstimatorTests
{
    public static TheoryData<string> Cases => new(BanditReference.Value.Stratified.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Estimate_MatchesNumpyFromRawRewards(string name)
    {
        var c = BanditReference.Value.Stratified.Single(c => c.Name == name);
        var cells = c.Units
            .GroupBy(u => (Period: u.Period, Arm: u.Arm))
            .Select(g =>
            {
                var rewards = g.Select(u => u.Reward).ToArray();
                var moments = Moments.FromSums(rewards.Length, rewards.Sum(), rewards.Sum(r => r * r));
                return new BanditCell(g.Key.Period, g.Key.Arm, moments, g.First().Propensity);
            })
            .ToList();
        var result = BanditEstimator.Estimate(cells, 2);
        // Tolerance 1e-9 relative: closed forms over sums of a few hundred values.
        Close.Equal(c.Lift, result.Lift.Value, 1e-9, "lift");
        Close.Equal(c.Se, result.Lift.StandardError, 1e-9, "se");
        Close.Equal(c.CiLow, result.Lift.CiLow, 1e-9, "ci_low");
        Close.Equal(c.CiHigh, result.Lift.CiHigh, 1e-9, "ci_high");
        Close.Equal(c.PValue, result.Lift.PValue, 1e-8, "p_value", 1e-14);
        for (var a = 0; a < 2; a++)
        {
            Close.Equal(c.IpwMeans[a], result.InverseProbability[a], 1e-9, $"ipw[{a}]");
            Close.Equal(c.NaiveMeans[a], result.Naive[a], 1e-9, $"naive[{a}]");
            Close.Equal(c.StratifiedMeans[a], result.Stratified[a], 1e-9, $"stratified[{a}]");
            Interval(c.IpwIntervals[a], result.InverseProbabilityIntervals[a], $"ipw interval[{a}]");
        }

        Interval(c.IpwLift, result.InverseProbabilityLift, "ipw lift");
    }

    /// <summary>The IPW estimate, its sandwich SE, interval and p-value against statsmodels OLS on an intercept, HC1.</summary>
    private static void Interval(ReferenceInterval expected, Estimate actual, string what)
    {
        Close.Equal(expected.Estimate, actual.Value, 1e-9, what + " estimate");
        Close.Equal(expected.Se, actual.StandardError, 1e-9, what + " se");
        Close.Equal(expected.CiLow, actual.CiLow, 1e-9, what + " ci_low");
        Close.Equal(expected.CiHigh, actual.CiHigh, 1e-9, what + " ci_high");
        Close.Equal(expected.PValue, actual.PValue, 1e-8, what + " p_value", 1e-14);
    }

    [Fact]
    public void Estimate_PeriodWithOneArmEmpty_IsLeftOutWithDiagnostic()
    {
        BanditCell[] cells =
        [
            new(0, 0, Moments.FromProportion(40, 100), 0.5),
            new(0, 1, Moments.FromProportion(50, 100), 0.5),
            new(1, 1, Moments.FromProportion(60, 100), 0.99),
        ];
        var result = BanditEstimator.Estimate(cells, 2);
        Assert.Equal(1, result.PeriodsUsed);
        Assert.Equal(0.1, result.Lift.Value, 12);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.TooFewUnits);
    }

    [Fact]
    public void Estimate_PropensityZero_Throws()
    {
        BanditCell[] cells = [new(0, 0, Moments.FromProportion(1, 2), 0)];
        Assert.Throws<ArgumentOutOfRangeException>(() => BanditEstimator.Estimate(cells, 2));
    }
}
