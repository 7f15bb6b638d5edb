using System.Globalization;
using ScottPlot;
using Verdict.Reports.Charts;
using Verdict.Statistics.Inference;
using Verdict.Statistics.OffPolicy;

namespace Verdict.Reports.Quasi;

/// <summary>The off-policy page's charts: each estimator's value with both intervals beside the logged policy, and the weight distribution.</summary>
public static class OffPolicyCharts
{
    /// <summary>Values with influence-function intervals (and bootstrap intervals as hollow markers at their ends).</summary>
    public static ReportChart Estimates(OffPolicyResult result, double alpha)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = ChartStyle.NewPlot(string.Create(CultureInfo.InvariantCulture, $"Policy value with {(1 - alpha) * 100:0.#}% intervals"), "value (mean reward)", string.Empty);
        var rows = new List<(string, double, double, double)> { ("logged policy", result.Logged.Value, result.Logged.CiLow, result.Logged.CiHigh) };
        rows.AddRange(result.Estimates.Select(e => (Name(e.Estimator), e.Value.Value, e.Value.CiLow, e.Value.CiHigh)));
        var finite = rows.Where(r => double.IsFinite(r.Item2) && double.IsFinite(r.Item3)).ToList();
        ChartStyle.Forest(plot, finite, MarkerShape.FilledCircle, "value and influence-function interval");
        var series = new List<string> { "value" };
        var boot = result.Estimates.Select((e, i) => (e, y: (double)(finite.Count - 1 - i))).Where(x => double.IsFinite(x.e.BootstrapLow)).ToList();
        if (boot.Count > 0)
        {
            var xs = boot.SelectMany(b => new[] { b.e.BootstrapLow, b.e.BootstrapHigh }).ToArray();
            var ys = boot.SelectMany(b => new[] { b.y, b.y }).ToArray();
            plot.Add.Markers(xs, ys, MarkerShape.OpenDiamond, 9, ChartStyle.Boundary).LegendText = "bootstrap interval ends";
            series.Add("bootstrap");
        }

        ChartStyle.VerticalLine(plot, result.Logged.Value, ChartStyle.Expected, LinePattern.Dashed, "logged value");
        series.Add("logged value");
        ChartStyle.FinishForest(plot);
        var caption = string.Create(CultureInfo.InvariantCulture,
            $"{result.Decisions:N0} decisions; effective sample size {result.Weights.EffectiveSampleSize:N0}{(double.IsFinite(result.ClippingBias) ? $"; clipping bias of IPS ≈ {result.ClippingBias:G3}" : string.Empty)}");
        return new ReportChart("ope-estimates", "Estimates", series, caption, plot, 940, 320);
    }

    /// <summary>Decisions per importance-weight bin.</summary>
    public static ReportChart Weights(OffPolicyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = ChartStyle.NewPlot("Importance weights π(a|x) / π₀(a|x)", "weight", "decisions");
        var edges = ImportanceWeights.BinEdges;
        var bars = result.Weights.Histogram.Select((count, i) => new Bar
        {
            Position = i,
            Value = count,
            FillColor = i >= 4 ? ChartStyle.Budget : ChartStyle.Estimate,
            Label = count.ToString("N0", CultureInfo.InvariantCulture),
        }).ToList();
        plot.Add.Bars(bars).ValueLabelStyle.FontSize = 12;
        plot.Axes.Bottom.SetTicks(
            Enumerable.Range(0, edges.Count).Select(i => (double)i).ToArray(),
            Enumerable.Range(0, edges.Count).Select(i => i + 1 < edges.Count ? $"[{edges[i]:0.#}, {edges[i + 1]:0.#})" : $"≥ {edges[i]:0.#}").ToArray());
        plot.Axes.Margins(bottom: 0, top: 0.2);
        var w = result.Weights;
        var caption = string.Create(CultureInfo.InvariantCulture, $"mean {w.Mean:G4} (1 when propensities are right), median {w.Median:G3}, p99 {w.P99:G3}, max {w.Max:G3}; weights of 5 and more in red");
        return new ReportChart("ope-weights", "Weight distribution", ["weights"], caption, plot, 940, 300);
    }

    /// <summary>"IPS", "self-normalized IPS" or "doubly robust".</summary>
    public static string Name(OffPolicyEstimator estimator) => estimator switch
    {
        OffPolicyEstimator.InversePropensity => "IPS",
        OffPolicyEstimator.SelfNormalized => "self-normalized IPS",
        _ => "doubly robust",
    };
}
