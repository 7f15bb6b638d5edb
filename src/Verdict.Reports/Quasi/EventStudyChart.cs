using System.Globalization;
using ScottPlot;
using Verdict.Reports.Charts;
using Verdict.Reports.Text;
using Verdict.Statistics.Did;
using Verdict.Statistics.Inference;

namespace Verdict.Reports.Quasi;

/// <summary>The event-study plot: each period's effect relative to the last pre-period, with its interval; leads left of the adoption line should sit on 0.</summary>
public static class EventStudyChart
{
    /// <summary>The chart for <paramref name="result"/>; <paramref name="periods"/> names the periods by index.</summary>
    public static ReportChart Build(DidResult result, IReadOnlyList<string> periods, double alpha)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(periods);
        var adoption = result.AdoptionPeriod ?? 0;
        return Build(result.EventStudy, result.PreTrend, result.TwoWayFixedEffects.Value, "two-way fixed-effects estimate", k => $"{k}\n{periods[adoption + k]}", periods[adoption], alpha);
    }

    /// <summary>The chart of a staggered design: event time e pools cohorts, so ticks are periods from each cohort's adoption.</summary>
    public static ReportChart Build(StaggeredDidResult result, double alpha)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Build(result.EventStudy, result.PreTrend, result.Overall.Value, "overall group-time average", k => k.ToString(CultureInfo.InvariantCulture), "each cohort's own period", alpha);
    }

    private static ReportChart Build(IReadOnlyList<EventStudyCoefficient> events, PreTrendTest? preTrend, double headline, string headlineLabel, Func<int, string> tick, string adoption, double alpha)
    {
        var plot = ChartStyle.NewPlot(string.Create(CultureInfo.InvariantCulture, $"Event study with {(1 - alpha) * 100:0.#}% cluster-robust intervals"), "periods from adoption", "effect");
        var rows = events.Where(e => e.IsReference || e.Effect.IsAvailable).ToList();
        var xs = rows.Select(e => (double)e.RelativePeriod).ToArray();
        var ys = rows.Select(e => e.Effect.Value).ToArray();
        var bars = ChartStyle.ErrorBars(plot, xs, ys, null, null, rows.Select(e => e.Effect.Value - e.Effect.CiLow).ToArray(), rows.Select(e => e.Effect.CiHigh - e.Effect.Value).ToArray());
        bars.Color = ChartStyle.Estimate;
        bars.LineWidth = 2;
        plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 9, ChartStyle.Estimate).LegendText = "effect and interval";
        var leads = rows.Where(e => e.RelativePeriod < 0 && !e.IsReference).ToList();
        if (leads.Count > 0)
        {
            plot.Add.Markers(leads.Select(e => (double)e.RelativePeriod).ToArray(), leads.Select(e => e.Effect.Value).ToArray(), MarkerShape.OpenCircle, 13,
                preTrend is { Flat: false } ? ChartStyle.Budget : ChartStyle.Ship).LegendText = "pre-period leads (should be 0)";
        }

        ChartStyle.HorizontalLine(plot, 0, ChartStyle.Zero, LinePattern.Solid, "zero");
        ChartStyle.VerticalLine(plot, -0.5, ChartStyle.Boundary, LinePattern.Dashed, $"adoption ({adoption})");
        ChartStyle.HorizontalLine(plot, headline, ChartStyle.Ship, LinePattern.Dotted, headlineLabel);
        plot.Axes.Bottom.SetTicks(xs, rows.Select(e => tick(e.RelativePeriod)).ToArray());
        plot.Axes.Margins(0.08, 0.15);
        plot.ShowLegend(Edge.Bottom);
        var caption = preTrend is { } pre
            ? string.Create(CultureInfo.InvariantCulture, $"joint test of the {pre.NumeratorDf} leads: {(double.IsInfinity(pre.DenominatorDf) ? "χ²/q" : "F")} = {pre.Statistic:G3}, p = {MetricFormat.PValue(pre.PValue)} — {(pre.Flat ? "flat" : "NOT flat: the parallel-trends assumption is doubtful")}")
            : "one pre-period: parallel trends cannot be checked";
        return new ReportChart("event-study", "Event study", ["effect", "leads", "zero", "adoption", "twfe"], caption, plot, 940, 380);
    }
}
