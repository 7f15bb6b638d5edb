using Verdict.Reports.Charts;

namespace Verdict.Reports.Html;

/// <summary>The report's charts, built once so the HTML and the PNG files show the same pictures.</summary>
public sealed record ReportCharts(
    IReadOnlyList<ReportChart> Forest,
    ReportChart? Cumulative,
    ReportChart? Daily,
    ReportChart ArmCounts,
    ReportChart? Segments)
{
    /// <summary>Builds every chart for <paramref name="content"/>.</summary>
    public static ReportCharts Build(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (brief, report) = (content.Brief, content.Analysis);
        return new ReportCharts(
            ForestPlot.Build(brief, report),
            CumulativeChart.Build(brief, report, content.Plan),
            DailyChart.Build(brief, report),
            ArmCountsChart.Build(brief, report),
            SegmentChart.Build(brief, report));
    }

    /// <summary>Every chart that was drawn, in report order.</summary>
    public IEnumerable<ReportChart> All =>
        Forest.Concat(new[] { Cumulative, Daily, ArmCounts, Segments }.OfType<ReportChart>());

    /// <summary>Writes every chart as PNG into <paramref name="directory"/>; returns the paths.</summary>
    public IReadOnlyList<string> SavePngs(string directory) => All.Select(c => c.SavePng(directory)).ToList();
}
