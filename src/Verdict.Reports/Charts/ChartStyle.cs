using ScottPlot;

namespace Verdict.Reports.Charts;

/// <summary>The report's colours and the small conversions every chart shares.</summary>
internal static class ChartStyle
{
    public static readonly Color Estimate = Color.FromHex("#1f4e9c");
    public static readonly Color Band = Color.FromHex("#1f4e9c").WithAlpha(0.18);
    public static readonly Color Zero = Color.FromHex("#333333");
    public static readonly Color Ship = Color.FromHex("#1a7f37");
    public static readonly Color Budget = Color.FromHex("#c62828");
    public static readonly Color Boundary = Color.FromHex("#8e24aa");
    public static readonly Color Expected = Color.FromHex("#9e9e9e");

    /// <summary>A new plot with the report's font sizes.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title, size: 15);
        plot.XLabel(xLabel, size: 13);
        plot.YLabel(yLabel, size: 13);
        return plot;
    }

    /// <summary>
    /// A forest of rows (top to bottom): each an estimate with its interval as a horizontal bar, labelled on the left.
    /// Values are already in the axis' scale.
    /// </summary>
    public static void Forest(Plot plot, IReadOnlyList<(string Label, double Estimate, double Low, double High)> rows, MarkerShape shape, string legend)
    {
        var n = rows.Count;
        var ys = Enumerable.Range(0, n).Select(i => (double)(n - i)).ToArray();
        var xs = rows.Select(r => r.Estimate).ToArray();
        var bars = ErrorBars(plot, xs, ys, rows.Select(r => r.Estimate - r.Low).ToArray(), rows.Select(r => r.High - r.Estimate).ToArray(), null, null);
        bars.Color = Estimate;
        bars.LineWidth = 2;
        var markers = plot.Add.Markers(xs, ys, shape, 9, Estimate);
        markers.LegendText = legend;
        plot.Axes.Left.SetTicks(ys, rows.Select(r => r.Label).ToArray());
    }

    /// <summary>
    /// Fits the axes to everything drawn so far (reference lines included) with room around the rows, and puts the legend
    /// below the plot. Call last: the margins are applied to what the plot holds when it is called.
    /// </summary>
    public static void FinishForest(Plot plot)
    {
        plot.Axes.Margins(0.12, 0.15);
        plot.ShowLegend(Edge.Bottom);
    }

    /// <summary>Error bars: horizontal when the x errors are given, vertical when the y errors are.</summary>
    public static ScottPlot.Plottables.ErrorBar ErrorBars(Plot plot, double[] xs, double[] ys, double[]? xLow, double[]? xHigh, double[]? yLow, double[]? yHigh)
    {
        var bars = new ScottPlot.Plottables.ErrorBar(xs, ys, xLow, xHigh, yLow, yHigh);
        plot.Add.Plottable(bars);
        return bars;
    }

    /// <summary>The most date labels on an axis; longer ranges label every second, third… day.</summary>
    public const int MaxDateTicks = 8;

    /// <summary>
    /// Dates on the bottom axis, written ISO-style (2026-05-04) whatever the culture: one tick per day at midnight (every
    /// k-th day beyond <see cref="MaxDateTicks"/>), so a short experiment never repeats a date under hourly ticks.
    /// </summary>
    public static void IsoDateAxis(Plot plot, IReadOnlyList<double> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count == 0)
        {
            return;
        }

        var first = Math.Floor(days.Min());
        var last = Math.Floor(days.Max());
        var step = Math.Max(1, (int)Math.Ceiling((last - first + 1) / MaxDateTicks));
        var ticks = new List<double>();
        for (var d = first; d <= last; d += step)
        {
            ticks.Add(d);
        }

        plot.Axes.Bottom.SetTicks([.. ticks], [.. ticks.Select(t => DateTime.FromOADate(t).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimitsX(first - 0.5, last + 0.5);
    }

    /// <summary>A vertical reference line with a legend entry.</summary>
    public static void VerticalLine(Plot plot, double x, Color color, LinePattern pattern, string legend)
    {
        var line = plot.Add.VerticalLine(x, 2, color, pattern);
        line.LegendText = legend;
    }

    /// <summary>A horizontal reference line with a legend entry.</summary>
    public static void HorizontalLine(Plot plot, double y, Color color, LinePattern pattern, string legend)
    {
        var line = plot.Add.HorizontalLine(y, 2, color, pattern);
        line.LegendText = legend;
    }
}
