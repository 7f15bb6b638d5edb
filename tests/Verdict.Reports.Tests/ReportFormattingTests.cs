using Verdict.Experiments.Metrics;
using Verdict.Reports.Charts;
using Verdict.Reports.Html;
using Verdict.Reports.Text;

namespace Verdict.Reports.Tests;

/// <summary>The report speaks the brief's words, writes p-values one way, labels each day once and keeps proportion intervals within ±100 pp.</summary>
public sealed class ReportFormattingTests(ShipExperiment fixture) : IClassFixture<ShipExperiment>
{
    private readonly ShipExperiment ship = fixture;

    [Fact]
    public void Render_PlanSection_UsesTheBriefsWordsNotEnumNames()
    {
        var html = HtmlReport.Render(ship.Content);
        Assert.Contains("fixed_horizon", html, StringComparison.Ordinal);
        Assert.Contains("observed_delta", html, StringComparison.Ordinal);
        foreach (var name in new[] { "FixedHorizon", "ObservedDelta", "Increase is harmful", "Holm" })
        {
            Assert.DoesNotContain(name, html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0.0, "< 1e-16")]
    [InlineData(7.5e-201, "< 1e-16")]
    [InlineData(1.58e-9, "1.6e-9")]
    [InlineData(0.0123, "0.0123")]
    public void PValue_AnyMagnitude_HasOneForm(double p, string expected)
    {
        Assert.Equal(expected, MetricFormat.PValue(p));
    }

    [Fact]
    public void Render_PValues_AllInTheOneForm()
    {
        var html = HtmlReport.Render(ship.Content) + DecisionMemo.Render(ship.Brief, ship.Analysis);
        Assert.DoesNotContain("e+0", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"e-[0-9]{3}", html);
    }

    private static List<string> DateLabels(ReportChart chart)
    {
        chart.Plot.RenderInMemory(chart.Width, chart.Height);
        return chart.Plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToList();
    }

    [Fact]
    public void DailyChart_TwoDays_LabelsEachDayOnce()
    {
        var twoDays = ship.Analysis with { Daily = ship.Analysis.Daily.Take(2).ToList() };
        var labels = DateLabels(DailyChart.Build(ship.Brief, twoDays)!);
        Assert.Equal(twoDays.Daily.Select(d => d.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), labels);
    }

    [Fact]
    public void CumulativeChart_EveryDay_LabelsAreDistinctAndFew()
    {
        var labels = DateLabels(CumulativeChart.Build(ship.Brief, ship.Analysis, ship.Content.Plan)!);
        Assert.InRange(labels.Count, 2, 8);
        Assert.Equal(labels.Count, labels.Distinct().Count());
    }

    [Fact]
    public void Bounded_ProportionIntervalPastOneHundredPoints_IsCut()
    {
        Assert.Equal((-1.0, 0.4), MetricFormat.Bounded(-1.7, 0.4, MetricUnit.Proportion));
        Assert.Equal((-1.7, 0.4), MetricFormat.Bounded(-1.7, 0.4, MetricUnit.Milliseconds));
    }
}
