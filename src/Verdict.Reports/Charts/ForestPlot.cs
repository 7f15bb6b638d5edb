using ScottPlot;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Reports.Text;

namespace Verdict.Reports.Charts;

/// <summary>
/// Every metric's lift with its interval as a horizontal error bar against zero, the ship threshold and each guardrail
/// budget. Units cannot share an axis, so there is one panel per scale: percentage points (proportions), milliseconds,
/// and relative lift for everything else (and for relative budgets).
/// </summary>
public static class ForestPlot
{
    /// <summary>The panels for <paramref name="report"/>; empty when no lift was estimated (integrity failed).</summary>
    public static IReadOnlyList<ReportChart> Build(ExperimentBrief brief, AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Primary is not { } primary)
        {
            return [];
        }

        var rows = new List<Row>();
        var shipRelative = brief.Analysis.MinimumShipLift.IsRelative;
        // With several treatments the primary's interval is at the split alpha (docs/analysis.md); its label says so.
        var primaryRole = brief.TreatmentCount > 1 ? $"primary, {MetricFormat.Confidence(brief.PrimaryAlpha)}" : "primary";
        rows.Add(Row.For(primary, primaryRole, shipRelative, shipRelative ? Scale.Relative : null) with
        {
            Lines = [new Line(report.MinimumShipLift, ChartStyle.Ship, LinePattern.Dashed, $"ship threshold {brief.Analysis.MinimumShipLift}")],
        });
        foreach (var g in report.Guardrails)
        {
            var line = new Line(g.BudgetAbsolute, ChartStyle.Budget, LinePattern.Dotted, $"{g.Comparison.Metric} budget {(g.BudgetAbsolute >= 0 ? "+" : "−")}{g.Budget}");
            rows.Add(Row.For(g.Comparison, g.Passed ? "guardrail" : "guardrail FAIL", g.Relative, g.Relative ? Scale.Relative : null) with { Lines = [line] });
        }

        foreach (var s in report.Secondary)
        {
            rows.Add(Row.For(s, "secondary", false, null));
        }

        return rows.GroupBy(r => r.Scale).OrderBy(g => g.Key).Select(g => Panel(g.Key, g.ToList(), brief.Analysis.Alpha)).ToList();
    }

    private static ReportChart Panel(Scale scale, List<Row> rows, double alpha)
    {
        var (id, axis, factor) = scale switch
        {
            Scale.Points => ("forest-plot-pp", "lift (percentage points)", 100.0),
            Scale.Milliseconds => ("forest-plot-ms", "lift (ms)", 1.0),
            _ => ("forest-plot-relative", "relative lift (%)", 100.0),
        };
        var plot = ChartStyle.NewPlot(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Lift with {(1 - alpha) * 100:0.#}% intervals"), axis, string.Empty);
        ChartStyle.Forest(plot, rows.Select(r => ($"{r.Metric} ({r.Role})", r.Estimate * factor, r.Low * factor, r.High * factor)).ToList(), MarkerShape.FilledCircle, "lift and interval");
        var series = new List<string> { "lift" };
        ChartStyle.VerticalLine(plot, 0, ChartStyle.Zero, LinePattern.Solid, "zero");
        series.Add("zero");
        foreach (var line in rows.SelectMany(r => r.Lines))
        {
            ChartStyle.VerticalLine(plot, line.Value * factor, line.Color, line.Pattern, line.Legend);
            series.Add(line.Color == ChartStyle.Ship ? "ship-threshold" : "budget:" + line.Legend.Split(' ')[0]);
        }

        ChartStyle.FinishForest(plot);
        var caption = string.Join("; ", rows.Select(r => $"{r.Metric}: {r.Text}"));
        return new ReportChart(id, axis, series, caption, plot, 940, 150 + (70 * rows.Count));
    }

    private enum Scale
    {
        Points,
        Milliseconds,
        Relative,
    }

    private sealed record Line(double Value, Color Color, LinePattern Pattern, string Legend);

    private sealed record Row(string Metric, string Role, Scale Scale, double Estimate, double Low, double High, string Text)
    {
        public IReadOnlyList<Line> Lines { get; init; } = [];

        public static Row For(MetricComparison c, string role, bool relative, Scale? forced)
        {
            var scale = forced ?? c.Unit switch
            {
                MetricUnit.Proportion => Scale.Points,
                MetricUnit.Milliseconds => Scale.Milliseconds,
                _ => Scale.Relative,
            };
            var estimate = scale == Scale.Relative || relative ? c.Lift.Relative : c.Lift.Absolute;
            var text = scale == Scale.Relative
                ? $"{MetricFormat.Relative(estimate.Value)} [{MetricFormat.Relative(estimate.CiLow)}, {MetricFormat.Relative(estimate.CiHigh)}]"
                : $"{MetricFormat.Delta(estimate.Value, c.Unit)} [{MetricFormat.Delta(estimate.CiLow, c.Unit)}, {MetricFormat.Delta(estimate.CiHigh, c.Unit)}]";
            return new Row(c.Metric, role, scale, Finite(estimate.Value), Finite(estimate.CiLow), Finite(estimate.CiHigh), text);
        }

        private static double Finite(double v) => double.IsFinite(v) ? v : 0;
    }
}
