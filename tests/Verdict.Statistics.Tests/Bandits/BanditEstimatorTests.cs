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
    public static TheoryData<string> Cases => BanditReference.Names("stratified");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Estimate_MatchesNumpyFromRawRewards(string name)
    {
        var c = BanditReference.Case("stratified", name);
        var cells = c.GetProperty("units").EnumerateArray()
            .GroupBy(u => (Period: u.GetProperty("period").GetInt32(), Arm: u.GetProperty("arm").GetInt32()))
            .Select(g =>
            {
                var rewards = g.Select(u => u.GetProperty("reward").GetDouble()).ToArray();
                var moments = Moments.FromSums(rewards.Length, rewards.Sum(), rewards.Sum(r => r * r));
                return new BanditCell(g.Key.Period, g.Key.Arm, moments, g.First().GetProperty("propensity").GetDouble());
            })
            .ToList();
        var result = BanditEstimator.Estimate(cells, 2);
        // Tolerance 1e-9 relative: closed forms over sums of a few hundred values.
        Close.Equal(c.GetProperty("lift").GetDouble(), result.Lift.Value, 1e-9, "lift");
        Close.Equal(c.GetProperty("se").GetDouble(), result.Lift.StandardError, 1e-9, "se");
        Close.Equal(c.GetProperty("ci_low").GetDouble(), result.Lift.CiLow, 1e-9, "ci_low");
        Close.Equal(c.GetProperty("ci_high").GetDouble(), result.Lift.CiHigh, 1e-9, "ci_high");
        Close.Equal(c.GetProperty("p_value").GetDouble(), result.Lift.PValue, 1e-8, "p_value", 1e-14);
        for (var a = 0; a < 2; a++)
        {
            Close.Equal(c.GetProperty("ipw_means")[a].GetDouble(), result.InverseProbability[a], 1e-9, $"ipw[{a}]");
            Close.Equal(c.GetProperty("naive_means")[a].GetDouble(), result.Naive[a], 1e-9, $"naive[{a}]");
            Close.Equal(c.GetProperty("stratified_means")[a].GetDouble(), result.Stratified[a], 1e-9, $"stratified[{a}]");
            Interval(c.GetProperty("ipw_intervals")[a], result.InverseProbabilityIntervals[a], $"ipw interval[{a}]");
        }

        Interval(c.GetProperty("ipw_lift"), result.InverseProbabilityLift, "ipw lift");
    }

    /// <summary>The IPW estimate, its sandwich SE, interval and p-value against statsmodels OLS on an intercept, HC1.</summary>
    private static void Interval(System.Text.Json.JsonElement expected, Estimate actual, string what)
    {
        Close.Equal(expected.GetProperty("estimate").GetDouble(), actual.Value, 1e-9, what + " estimate");
        Close.Equal(expected.GetProperty("se").GetDouble(), actual.StandardError, 1e-9, what + " se");
        Close.Equal(expected.GetProperty("ci_low").GetDouble(), actual.CiLow, 1e-9, what + " ci_low");
        Close.Equal(expected.GetProperty("ci_high").GetDouble(), actual.CiHigh, 1e-9, what + " ci_high");
        Close.Equal(expected.GetProperty("p_value").GetDouble(), actual.PValue, 1e-8, what + " p_value", 1e-14);
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
