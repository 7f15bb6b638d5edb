using System.Net;
using System.Text.RegularExpressions;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Planning;
using Verdict.Reports.Charts;
using Verdict.Reports.Html;
using Verdict.Reports.Text;

namespace Verdict.Reports.Tests;

public sealed partial class HtmlReportTests(ShipExperiment fixture) : IClassFixture<ShipExperiment>
{
    private readonly ShipExperiment ship = fixture;

    [Fact]
    public void Render_ShipAnalysis_BannerSaysTheDecision()
    {
        Assert.Equal(LaunchDecision.Ship, ship.Analysis.Decision);
        var html = HtmlReport.Render(ship.Content);
        Assert.Contains("<section id=\"verdict\" class=\"banner decision-ship\" data-decision=\"SHIP\"><div class=\"decision\">SHIP</div>", html, StringComparison.Ordinal);
        foreach (var reason in DecisionText.Reasons(ship.Analysis))
        {
            Assert.Contains(WebUtility.HtmlEncode(reason), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DecisionMemo_IntervalHeader_FollowsTheBriefsAlpha()
    {
        Assert.Contains("| lift | 95% interval |", DecisionMemo.Render(ship.Brief, ship.Analysis), StringComparison.Ordinal);
        var strict = ship.Brief with { Analysis = ship.Brief.Analysis with { Alpha = 0.1 } };
        Assert.Contains("| lift | 90% interval |", DecisionMemo.Render(strict, ship.Analysis), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryCheck_HasARowWithItsStatusAndReason()
    {
        var html = HtmlReport.Render(ship.Content);
        Assert.Equal(ship.Analysis.Checks.Count, CheckRow().Matches(html).Count);
        foreach (var check in ship.Analysis.Checks)
        {
            var status = check.Status.ToString().ToUpperInvariant();
            Assert.Contains($"data-status=\"{status}\"><td>{WebUtility.HtmlEncode(check.Step)}</td><td>{WebUtility.HtmlEncode(check.Name)}</td><td class=\"status\">{status}</td><td>{WebUtility.HtmlEncode(CheckText.Detail(check))}</td>", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("forest-plot-pp")]
    [InlineData("forest-plot-ms")]
    [InlineData("forest-plot-relative")]
    [InlineData("cumulative-effect")]
    [InlineData("daily-effects")]
    [InlineData("arm-counts")]
    [InlineData("segment-effects")]
    public void Render_ShipAnalysis_DrawsEveryChartAsInlineSvg(string id)
    {
        var html = HtmlReport.Render(ship.Content);
        var start = html.IndexOf($"id=\"{id}\" class=\"chart\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no chart {id}");
        var svg = html.IndexOf("<svg class=\"plot\" data-chart=\"" + id + "\"", start, StringComparison.Ordinal);
        Assert.True(svg > start, $"chart {id} has no SVG");
        var end = html.IndexOf("</svg>", svg, StringComparison.Ordinal);
        Assert.True(end - svg > 2000, $"chart {id}'s SVG is nearly empty");
    }

    [Fact]
    public void Render_ForestPlot_NamesTheThresholdAndEveryBudget()
    {
        var charts = ReportCharts.Build(ship.Content);
        var series = charts.Forest.SelectMany(c => c.Series).ToList();
        Assert.Contains("lift", series);
        Assert.Contains("zero", series);
        Assert.Contains("ship-threshold", series);
        foreach (var guardrail in ship.Brief.Guardrails)
        {
            Assert.Contains("budget:" + guardrail.Metric, series);
        }

        var svg = string.Concat(charts.Forest.Select(c => c.Svg()));
        foreach (var metric in new[] { ship.Brief.PrimaryMetric }.Concat(ship.Brief.Guardrails.Select(g => g.Metric)).Concat(ship.Brief.SecondaryMetrics))
        {
            Assert.Contains(metric, svg, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("forest-plot-pp", 0, 2.0)]
    [InlineData("forest-plot-ms", 0, 150)]
    public void ForestPlot_Axes_ShowZeroTheThresholdAndTheBudgets(string id, double low, double high)
    {
        var panel = ReportCharts.Build(ship.Content).Forest.Single(c => c.Id == id);
        _ = panel.Svg();
        var limits = panel.Plot.Axes.GetLimits();
        Assert.True(limits.Left < low && limits.Right > high, $"{id} shows [{limits.Left}, {limits.Right}]");
    }

    [Fact]
    public void Render_IsSelfContained_NoScriptsNoExternalResources()
    {
        var html = HtmlReport.Render(ship.Content);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        var external = ExternalUrl().Matches(html).Select(m => m.Value).Where(u => !u.StartsWith("http://www.w3.org/", StringComparison.Ordinal)).ToList();
        Assert.Empty(external);
    }

    [Fact]
    public void Svg_DashedReferenceLines_UseSvgDashes()
    {
        var svg = ReportCharts.Build(ship.Content).Forest.Single(c => c.Id == "forest-plot-pp").Svg();
        Assert.Contains("stroke=\"#1A7F37\" stroke-dasharray=\"8 5\"", svg, StringComparison.Ordinal);
        Assert.Contains("stroke=\"#C62828\" stroke-dasharray=\"2 4\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ClipPathIds_AreUniqueAcrossCharts()
    {
        var html = HtmlReport.Render(ship.Content);
        var ids = ElementId().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Render_Receipts_HighlightOnlyTheDeclaredChange()
    {
        var html = HtmlReport.Render(ship.Content);
        Assert.Contains("<tr class=\"declared\" data-path=\"components.query_rewrite\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<tr class=\"unexpected\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"same\" data-path=\"model\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReceiptsDifferingBeyondTheChange_AreMarkedUnexpected()
    {
        var arms = ship.Brief.Arms.Select(a => a.IsControl ? a : a with { Receipt = a.Receipt with { Model = "support-generator-v8" } }).ToList();
        var brief = ship.Brief with { Arms = arms };
        var html = HtmlReport.Render(ship.Content with { Brief = brief });
        Assert.Contains("<tr class=\"unexpected\" data-path=\"model\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Plan_ShowsTheLockHashAndThatTheBriefMatchesIt()
    {
        var html = HtmlReport.Render(ship.Content);
        Assert.Contains($"<code id=\"lock-hash\">{ship.Lock.Hash}</code>", html, StringComparison.Ordinal);
        Assert.Contains("data-lock-status=\"matches\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"brief-hash\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithoutALock_SaysTheBriefWasNeverPlanned()
    {
        var html = HtmlReport.Render(ship.Content with { Lock = null });
        Assert.Contains("data-lock-status=\"missing\"", html, StringComparison.Ordinal);
        Assert.Contains($"<code id=\"brief-hash\">{ship.Content.BriefHash}</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SavePngs_WritesOnePngPerChart()
    {
        var charts = ReportCharts.Build(ship.Content);
        var directory = Path.Combine(ship.Directory, "png");
        var files = charts.SavePngs(directory);
        Assert.Equal(charts.All.Count(), files.Count);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(bytes.Length > 5000, $"{file} is {bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }
    }

    [Fact]
    public void Cumulative_LastDay_CoversEveryAnalysedUnit()
    {
        var last = ship.Analysis.Cumulative[^1];
        Assert.Equal(ship.Analysis.Daily.Sum(d => d.ControlUnits), last.ControlUnits);
        Assert.Equal(ship.Analysis.Daily.Sum(d => d.TreatmentUnits), last.TreatmentUnits);
        Assert.True(ship.Analysis.Cumulative.Zip(ship.Analysis.Cumulative.Skip(1)).All(p => p.First.Lift.Absolute.StandardError > p.Second.Lift.Absolute.StandardError * 0.999), "the interval tightens as units enrol");
        Assert.InRange(last.InformationFraction!.Value, 1, 3);
    }

    [Fact]
    public void SequentialBoundary_WithADesign_PlacesEachLookOnTheFirstDayThatReachesIt()
    {
        var plan = ship.Content.Plan with { Sequential = new SequentialDesign(1.02, [new SequentialLook(0.5, 2.96, 0.003), new SequentialLook(1.0, 1.97, 0.05)]) };
        var points = SequentialBoundary.Points(plan, ship.Analysis.Cumulative);
        Assert.Equal(2, points.Count);
        var first = ship.Analysis.Cumulative.First(c => c.InformationFraction >= 0.5);
        Assert.Equal(first.Through, points[0].Day);
        Assert.Equal(2.96 * first.Lift.Absolute.StandardError, points[0].Upper, 12);
        Assert.Empty(SequentialBoundary.Points(ship.Content.Plan, ship.Analysis.Cumulative));
    }

    [Fact]
    public void CumulativeChart_GroupSequentialBrief_DrawsTheEfficacyBoundary()
    {
        var brief = ship.Brief with
        {
            Analysis = ship.Brief.Analysis with { Design = AnalysisDesign.GroupSequential, Looks = [0.25, 0.5, 0.75, 1], Spending = "obf" },
        };
        var plan = ExperimentPlanner.Plan(brief);
        Assert.NotNull(plan.Sequential);
        var content = new ReportContent(brief, LaunchAnalyzer.Analyze(brief, ship.Data), plan, null);

        var chart = CumulativeChart.Build(content.Brief, content.Analysis, content.Plan)!;
        Assert.Contains("sequential-boundary", chart.Series);
        Assert.NotEmpty(SequentialBoundary.Points(plan, content.Analysis.Cumulative));
        Assert.Contains("data-series=\"cumulative-lift,interval,zero,ship-threshold,sequential-boundary\"", HtmlReport.Render(content), StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr class=\"check status-")]
    private static partial Regex CheckRow();

    [GeneratedRegex("(?:https?:)?//[^\"'\\s)<>]+")]
    private static partial Regex ExternalUrl();

    [GeneratedRegex(" id=\"([^\"]+)\"")]
    private static partial Regex ElementId();
}
