using ScottPlot;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Experiments.Planning;
using Verdict.Reports.Text;

namespace Verdict.Reports.Charts;

/// <summary>
/// The primary lift through each enrollment day with its interval, against zero and the ship threshold, and the
/// group-sequential efficacy boundary (±z·SE at each look) when the plan carries one.
/// </summary>
public static class CumulativeChart
{
    /// <summary>The chart, or null when there are no cumulative effects.</summary>
    public static ReportChart? Build(ExperimentBrief brief, AnalysisReport report, ExperimentPlan? plan)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(report);
        var points = report.Cumulative.Where(c => c.Lift.IsAvailable).ToList();
        if (points.Count == 0 || report.Primary is not { } primary)
        {
            return null;
        }

        var factor = primary.Unit == MetricUnit.Proportion ? 100.0 : 1.0;
        var unit = primary.Unit == MetricUnit.Proportion ? "percentage points" : primary.Unit == MetricUnit.Milliseconds ? "ms" : "absolute";
        var plot = ChartStyle.NewPlot($"Cumulative effect on {brief.PrimaryMetric}", "units enrolled through (day)", $"lift ({unit})");
        var xs = points.Select(p => p.Through.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        var band = plot.Add.FillY(xs, points.Select(p => p.Lift.Absolute.CiHigh * factor).ToArray(), points.Select(p => p.Lift.Absolute.CiLow * factor).ToArray());
        band.FillColor = ChartStyle.Band;
        band.LineColor = ChartStyle.Band;
        band.LegendText = $"{(1 - brief.Analysis.Alpha) * 100:0.#}% interval";
        var line = plot.Add.Scatter(xs, points.Select(p => p.Lift.Absolute.Value * factor).ToArray(), ChartStyle.Estimate);
        line.LineWidth = 2;
        line.MarkerSize = 6;
        line.LegendText = "cumulative lift";
        var series = new List<string> { "cumulative-lift", "interval", "zero" };
        ChartStyle.HorizontalLine(plot, 0, ChartStyle.Zero, LinePattern.Solid, "zero");
        if (!brief.Analysis.MinimumShipLift.IsRelative)
        {
            ChartStyle.HorizontalLine(plot, report.MinimumShipLift * factor, ChartStyle.Ship, LinePattern.Dashed, $"ship threshold {brief.Analysis.MinimumShipLift}");
            series.Add("ship-threshold");
        }

        if (SequentialBoundary.Points(plan, points) is { Count: > 0 } boundary)
        {
            var bx = boundary.Select(b => b.Day.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
            var upper = plot.Add.Scatter(bx, boundary.Select(b => b.Upper * factor).ToArray(), ChartStyle.Boundary);
            upper.LinePattern = LinePattern.Dashed;
            upper.LegendText = "efficacy boundary";
            var lower = plot.Add.Scatter(bx, boundary.Select(b => -b.Upper * factor).ToArray(), ChartStyle.Boundary);
            lower.LinePattern = LinePattern.Dashed;
            series.Add("sequential-boundary");
        }

        ChartStyle.IsoDateAxis(plot, xs);
        plot.ShowLegend(Edge.Right);
        var last = points[^1];
        var caption = $"through {last.Through:yyyy-MM-dd}: {MetricFormat.Delta(last.Lift.Absolute.Value, primary.Unit)} [{MetricFormat.Delta(last.Lift.Absolute.CiLow, primary.Unit)}, {MetricFormat.Delta(last.Lift.Absolute.CiHigh, primary.Unit)}] over {last.ControlUnits + last.TreatmentUnits:N0} units (unadjusted; the verdict uses the registered analysis)"
            + (plan?.Sequential is null ? (brief.Analysis.Design == AnalysisDesign.FixedHorizon ? "; fixed-horizon design: no interim boundaries" : "; sequential boundaries are drawn once the plan carries them") : string.Empty);
        return new ReportChart("cumulative-effect", "Cumulative effect", series, caption, plot);
    }
}
