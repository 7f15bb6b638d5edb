using ScottPlot;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Reports.Text;

namespace Verdict.Reports.Charts;

/// <summary>The primary lift among units first exposed on each day: a decaying series is a novelty effect.</summary>
public static class DailyChart
{
    /// <summary>The chart, or null when there are no daily results.</summary>
    public static ReportChart? Build(ExperimentBrief brief, AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(report);
        var days = report.Daily.Where(d => d.Lift.IsAvailable).ToList();
        if (days.Count == 0 || report.Primary is not { } primary)
        {
            return null;
        }

        var factor = primary.Unit == MetricUnit.Proportion ? 100.0 : 1.0;
        var plot = ChartStyle.NewPlot($"Daily effect on {brief.PrimaryMetric} (novelty)", "first exposure (day)", primary.Unit == MetricUnit.Proportion ? "lift (percentage points)" : "lift");
        var xs = days.Select(d => d.Day.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        var ys = days.Select(d => d.Lift.Absolute.Value * factor).ToArray();
        var bars = ChartStyle.ErrorBars(
            plot,
            xs,
            ys,
            null,
            null,
            days.Select(d => (d.Lift.Absolute.Value - d.Lift.Absolute.CiLow) * factor).ToArray(),
            days.Select(d => (d.Lift.Absolute.CiHigh - d.Lift.Absolute.Value) * factor).ToArray());
        bars.Color = ChartStyle.Estimate;
        var line = plot.Add.Scatter(xs, ys, ChartStyle.Estimate);
        line.LegendText = "lift of the day's cohort";
        line.MarkerSize = 7;
        ChartStyle.HorizontalLine(plot, 0, ChartStyle.Zero, LinePattern.Solid, "zero");
        ChartStyle.HorizontalLine(plot, primary.Lift.Absolute.Value * factor, ChartStyle.Boundary, LinePattern.Dashed, "overall lift");
        ChartStyle.IsoDateAxis(plot, xs);
        plot.ShowLegend(Edge.Right);
        var novelty = report.Checks.FirstOrDefault(c => c.Step == "novelty");
        return new ReportChart("daily-effects", "Daily effects", ["daily-lift", "zero", "overall"], novelty is null ? string.Empty : CheckText.Detail(novelty), plot);
    }
}
