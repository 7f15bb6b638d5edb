using System.Text.RegularExpressions;
using Verdict.Reports.Quasi;
using Verdict.Statistics.Did;
using Verdict.Statistics.Inference;
using Verdict.Statistics.OffPolicy;

namespace Verdict.Reports.Tests;

/// <summary>The off-policy and difference-in-differences pages: self-contained, with their charts, numbers and diagnostics.</summary>
public sealed class QuasiPageTests
{
    private static List<PanelObservation> Panel(int seed, double pretrend)
    {
        var random = new Random(seed);
        var rows = new List<PanelObservation>();
        for (var u = 0; u < 40; u++)
        {
            for (var t = 0; t < 6; t++)
            {
                var treated = u % 2 == 0 && t >= 3;
                var drift = u % 2 == 0 ? pretrend * (t - 3) : 0;
                rows.Add(new PanelObservation(u, t, u, treated, (treated ? 1 : 0) + drift + random.NextDouble()));
            }
        }

        return rows;
    }

    [Fact]
    public void DifferenceInDifferences_DriftingPanel_PlotsEventStudyAndListsThePreTrend()
    {
        var result = DifferenceInDifferences.Estimate(Panel(1, 0.8));
        string[] periods = ["w1", "w2", "w3", "w4", "w5", "w6"];

        var html = QuasiPage.DifferenceInDifferences(result, periods, "resolution <rate>", 0.05);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("resolution &lt;rate&gt;: difference-in-differences", html, StringComparison.Ordinal);
        Assert.Contains("<figure id=\"event-study\" class=\"chart\" data-series=\"effect,leads,zero,adoption,twfe\"><svg", html, StringComparison.Ordinal);
        Assert.Contains("NOT flat", html, StringComparison.Ordinal);
        Assert.Contains("data-code=\"PreTrend\"", html, StringComparison.Ordinal);
        Assert.Contains("adoption at w4", html, StringComparison.Ordinal);
        Assert.Contains(result.TwoWayFixedEffects.Value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Staggered_Cohorts_ShowsOverallEventStudyAndEveryGroupTimeCell()
    {
        var random = new Random(3);
        var rows = new List<PanelObservation>();
        for (var u = 0; u < 60; u++)
        {
            int? first = (u % 3) switch { 0 => 2, 1 => 4, _ => null };
            for (var t = 0; t < 6; t++)
            {
                var treated = first is { } f && t >= f;
                rows.Add(new PanelObservation(u, t, u, treated, (treated ? 1 : 0) + random.NextDouble()));
            }
        }

        var result = StaggeredDifferenceInDifferences.Estimate(rows);
        string[] periods = ["p0", "p1", "p2", "p3", "p4", "p5"];

        var html = QuasiPage.Staggered(result, periods, "tokens", 0.05);

        Assert.Contains("<figure id=\"event-study\" class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Contains("2 adoption cohorts", html, StringComparison.Ordinal);
        Assert.Equal(result.GroupTime.Count, Regex.Count(html, "<tr><td>p[24]</td><td>p[0-5]</td>"));
    }

    [Fact]
    public void OffPolicy_Result_ShowsEstimatesWeightsAndDiagnostics()
    {
        var random = new Random(2);
        var decisions = Enumerable.Range(0, 400).Select(_ =>
        {
            var action = random.NextDouble() < 0.02 ? 1 : 0;
            return new LoggedDecision(action, action == 1 ? 0.02 : 0.98, random.NextDouble(), [], [0.5, 0.5]);
        }).ToList();
        var result = OffPolicyEvaluation.Evaluate(decisions, new OffPolicyOptions { BootstrapResamples = 200 });

        var html = QuasiPage.OffPolicy(result, "candidate split", 0.05);

        Assert.Contains("<figure id=\"ope-estimates\" class=\"chart\" data-series=\"value,bootstrap,logged value\"><svg", html, StringComparison.Ordinal);
        Assert.Contains("<figure id=\"ope-weights\" class=\"chart\" data-series=\"weights\"><svg", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(html, "<tr><td>(logged policy|IPS|self-normalized IPS|doubly robust)</td>"));
        Assert.Contains("data-code=\"LowEffectiveSampleSize\"", html, StringComparison.Ordinal);
    }
}
