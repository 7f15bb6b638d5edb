using ScottPlot;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Reports.Text;

namespace Verdict.Reports.Charts;

/// <summary>The primary lift inside each pre-registered segment value, with the pooled lift for comparison.</summary>
public static class SegmentChart
{
    /// <summary>The chart, or null when there are no segment results.</summary>
    public static ReportChart? Build(ExperimentBrief brief, AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(report);
        var segments = report.Segments.Where(s => s.Lift.IsAvailable).ToList();
        if (segments.Count == 0 || report.Primary is not { } primary)
        {
            return null;
        }

        var factor = primary.Unit == MetricUnit.Proportion ? 100.0 : 1.0;
        var plot = ChartStyle.NewPlot($"{brief.PrimaryMetric} by segment", primary.Unit == MetricUnit.Proportion ? "lift (percentage points)" : "lift", string.Empty);
        var rows = segments.Select(s =>
        {
            var (low, high) = MetricFormat.Bounded(s.Lift.Absolute.CiLow, s.Lift.Absolute.CiHigh, primary.Unit);
            return ($"{s.Segment}={s.Value}{(s.Critical ? " (critical)" : string.Empty)}", s.Lift.Absolute.Value * factor, low * factor, high * factor);
        }).ToList();
        ChartStyle.Forest(plot, rows, MarkerShape.FilledSquare, "segment lift");
        ChartStyle.VerticalLine(plot, 0, ChartStyle.Zero, LinePattern.Solid, "zero");
        ChartStyle.VerticalLine(plot, primary.Lift.Absolute.Value * factor, ChartStyle.Boundary, LinePattern.Dashed, "pooled lift");
        ChartStyle.FinishForest(plot);
        var caption = string.Join("; ", segments.Select(s => $"{s.Segment}={s.Value}: {MetricFormat.Delta(s.Lift.Absolute.Value, primary.Unit)} ({s.ControlUnits:N0} vs {s.TreatmentUnits:N0} units)"));
        return new ReportChart("segment-effects", "Segments", ["segment-lift", "zero", "pooled"], caption, plot, 940, 150 + (60 * segments.Count));
    }
}
