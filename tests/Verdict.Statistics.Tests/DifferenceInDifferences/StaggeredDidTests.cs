using Verdict.Statistics.Did;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Tests.Reference;
using Xunit;

namespace Verdict.Statistics.Tests.DifferenceInDifferences;

/// <summary>
/// Group-time effects under staggered adoption: pinned to statsmodels (tests/reference/did/staggered.py) cell by cell,
/// aggregates checked by seeded coverage where the naive two-way estimate is biased.
/// </summary>
public sealed class StaggeredDidTests
{
    private static readonly StaggeredReference Reference = StaggeredReference.Value;

    private static List<PanelObservation> ReferencePanel() => Reference.Rows.Select(r => r.Observation).ToList();

    [Fact]
    public void Estimate_StaggeredPanel_GroupTimeEffectsMatchStatsmodels()
    {
        var result = StaggeredDifferenceInDifferences.Estimate(ReferencePanel());

        Assert.True(result.IsEstimated, result.Refusal);
        var cells = Reference.GroupTime;
        Assert.Equal(cells.Count, result.GroupTime.Count);
        foreach (var c in cells)
        {
            var actual = result.GroupTime.Single(x => x.Cohort == c.Cohort && x.Period == c.Period);
            // Tolerance 1e-9 relative: a difference of means and its HC0 standard error.
            Close.Equal(c.Estimate, actual.Effect.Value, what: $"ATT({actual.Cohort},{actual.Period})");
            Close.Equal(c.Se, actual.Effect.StandardError, what: $"SE({actual.Cohort},{actual.Period})");
            Assert.Equal(c.Units, actual.Units);
        }

        Close.Equal(Reference.Overall, result.Overall.Value, what: "overall");
        foreach (var e in Reference.EventStudy)
        {
            var k = e.RelativePeriod;
            Close.Equal(e.Estimate, result.EventStudy.Single(x => x.RelativePeriod == k).Effect.Value, what: $"θ({k})");
        }

        Assert.InRange(Reference.TrueOverall, result.Overall.CiLow, result.Overall.CiHigh);
        Assert.True(result.PreTrend!.Flat);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Estimate_SeededStaggeredPanels_OverallAndEventTimeIntervalsCover()
    {
        const int trials = 500;
        var random = new Random(20261130);
        int overall = 0, lag2 = 0, falseAlarms = 0, naive = 0;
        for (var trial = 0; trial < trials; trial++)
        {
            var (panel, truth, truthLag2) = Staggered(random, 150);
            var result = StaggeredDifferenceInDifferences.Estimate(panel);
            overall += result.Overall.CiLow <= truth && truth <= result.Overall.CiHigh ? 1 : 0;
            var e2 = result.EventStudy.Single(e => e.RelativePeriod == 2).Effect;
            lag2 += e2.CiLow <= truthLag2 && truthLag2 <= e2.CiHigh ? 1 : 0;
            falseAlarms += result.PreTrend!.Flat ? 0 : 1;
            naive += NaiveTwoWayCovers(panel, truth) ? 1 : 0;
        }

        var tolerance = 3 * Math.Sqrt(0.95 * 0.05 / trials);
        Assert.True(Math.Abs((overall / (double)trials) - 0.95) <= tolerance, $"overall coverage {overall / (double)trials:F3}");
        Assert.True(Math.Abs((lag2 / (double)trials) - 0.95) <= tolerance, $"θ(2) coverage {lag2 / (double)trials:F3}");
        Assert.True(Math.Abs((falseAlarms / (double)trials) - 0.05) <= tolerance, $"pre-trend false alarms {falseAlarms / (double)trials:F3}");
        // What the refusal protects against: the two-way fixed-effects interval misses the same truth far more often.
        Assert.True(naive / (double)trials < 0.5, $"naive two-way coverage {naive / (double)trials:F3}");
    }

    private static bool NaiveTwoWayCovers(List<PanelObservation> panel, double truth)
    {
        var units = panel.Select(o => o.Unit).ToArray();
        var fit = ClusteredRegression.Solve([panel.Select(o => o.Treated ? 1.0 : 0.0).ToArray()], panel.Select(o => o.Outcome).ToArray(), units, units, panel.Select(o => o.Period).ToArray())!;
        var e = fit.Coefficient(0, 0.05);
        return e.CiLow <= truth && truth <= e.CiHigh;
    }

    [Fact]
    public void Estimate_UnbalancedStaggeredPanel_Refused()
    {
        var (panel, _, _) = Staggered(new Random(3), 60);
        panel.RemoveAt(10);

        var result = StaggeredDifferenceInDifferences.Estimate(panel);

        Assert.Contains("needs a balanced panel", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_NoNeverTreated_RefusedWithTheSameReasonAsTwoWay()
    {
        var (panel, _, _) = Staggered(new Random(4), 60);
        var everTreated = panel.Select(o => o with { Treated = o.Treated || o.Period == 7 }).ToList();

        Assert.Contains("no never-treated units", StaggeredDifferenceInDifferences.Estimate(everTreated).Refusal, StringComparison.Ordinal);
    }

    /// <summary>Cohorts adopting in periods 2, 4 and 5 (and never), effects growing with exposure and differing by cohort; the truths use the realized cohort sizes.</summary>
    private static (List<PanelObservation> Panel, double Overall, double Lag2) Staggered(Random random, int units)
    {
        const int periods = 8;
        int[] cohorts = [2, 4, 5, -1];
        static double Effect(int g, int t) => g < 0 || t < g ? 0 : 0.4 + (0.25 * (t - g)) + (0.1 * g);
        var first = Enumerable.Range(0, units).Select(u => cohorts[u % 4]).ToArray();
        var trend = Enumerable.Range(0, periods).Select(t => 0.2 * t).ToArray();
        var panel = new List<PanelObservation>();
        for (var u = 0; u < units; u++)
        {
            var level = Normal(random);
            for (var t = 0; t < periods; t++)
            {
                panel.Add(new PanelObservation(u, t, u, first[u] >= 0 && t >= first[u], level + trend[t] + Effect(first[u], t) + Normal(random)));
            }
        }

        var post = cohorts.Where(g => g >= 0).SelectMany(g => Enumerable.Range(g, periods - g).Select(t => (g, t))).ToList();
        var sizes = cohorts.ToDictionary(g => g, g => first.Count(f => f == g));
        var overall = post.Sum(c => sizes[c.g] * Effect(c.g, c.t)) / post.Sum(c => (double)sizes[c.g]);
        var lag = cohorts.Where(g => g >= 0 && g + 2 < periods).ToList();
        var lag2 = lag.Sum(g => sizes[g] * Effect(g, g + 2)) / lag.Sum(g => (double)sizes[g]);
        return (panel, overall, lag2);
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
