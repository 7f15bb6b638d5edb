using System.Globalization;
using ScottPlot;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Reports.Text;

namespace Verdict.Reports.Charts;

/// <summary>Units per arm against what the planned split expects of the same total (the sample ratio check), and the planned units.</summary>
public static class ArmCountsChart
{
    /// <summary>The chart; drawn even when integrity failed, since this is where it usually fails.</summary>
    public static ReportChart Build(ExperimentBrief brief, AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(report);
        var plot = ChartStyle.NewPlot("Units per arm against the planned split", string.Empty, "units");
        var total = brief.Arms.Sum(a => report.Population.UnitsPerArm.GetValueOrDefault(a.Name));
        var weights = brief.Arms.Sum(a => a.Weight);
        var bars = new List<Bar>();
        for (var i = 0; i < brief.Arms.Count; i++)
        {
            var arm = brief.Arms[i];
            var observed = report.Population.UnitsPerArm.GetValueOrDefault(arm.Name);
            var expected = total * arm.Weight / weights;
            bars.Add(new Bar { Position = (i * 3) + 0, Value = observed, FillColor = ChartStyle.Estimate, Label = observed.ToString("N0", CultureInfo.InvariantCulture) });
            bars.Add(new Bar { Position = (i * 3) + 1, Value = expected, FillColor = ChartStyle.Expected, Label = expected.ToString("N0", CultureInfo.InvariantCulture) });
        }

        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.FontSize = 12;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "observed", FillColor = ChartStyle.Estimate });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "expected under the planned split", FillColor = ChartStyle.Expected });
        var series = new List<string> { "observed", "expected" };
        if (report.PlannedUnitsPerArm is { } planned)
        {
            ChartStyle.HorizontalLine(plot, planned, ChartStyle.Ship, LinePattern.Dashed, $"planned {planned:N0} per arm");
            series.Add("planned");
        }

        plot.Axes.Bottom.SetTicks(
            brief.Arms.Select((_, i) => (i * 3) + 0.5).ToArray(),
            brief.Arms.Select(a => $"{a.Name} ({a.Weight.ToString("0.##", CultureInfo.InvariantCulture)})").ToArray());
        plot.Axes.Margins(bottom: 0, top: 0.2);
        plot.ShowLegend(Edge.Right);
        var caption = $"sample ratio χ² p {MetricFormat.PValue(report.SrmPValue)} (alert below {brief.Analysis.SrmPValue.ToString(CultureInfo.InvariantCulture)})";
        return new ReportChart("arm-counts", "Sample ratio", series, caption, plot, 940, 340);
    }
}
