using System.Globalization;
using ScottPlot;
using Verdict.Experiments.Analysis.Bandits;
using Verdict.Reports.Charts;
using Verdict.Statistics.Bandits;
using Verdict.Statistics.Inference;

namespace Verdict.Reports.Bandits;

/// <summary>
/// The bandit page's charts (docs/report.md, "Bandit"): the weights each period served, the probability each arm was
/// best when each period's weights were computed, each arm's posterior now, and the estimated regret by period.
/// </summary>
public static class BanditCharts
{
    private static readonly Color[] Colors = [ChartStyle.Estimate, Color.FromHex("#f28e2b"), ChartStyle.Ship, ChartStyle.Budget, ChartStyle.Boundary, Color.FromHex("#76b7b2"), Color.FromHex("#edc948"), Color.FromHex("#9c755f"), Color.FromHex("#ff9da7"), ChartStyle.Expected];

    /// <summary>The colour of arm <paramref name="arm"/> on every bandit chart.</summary>
    internal static Color ArmColor(int arm) => Colors[arm % Colors.Length];

    /// <summary>Weights served by period, one line per arm.</summary>
    public static ReportChart Weights(BanditState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var plot = ChartStyle.NewPlot("Weights served by period", "period", "weight (share of the period's cohort)");
        var xs = state.Periods.Select(p => (double)p.Index).ToArray();
        for (var arm = 0; arm < state.Arms.Count; arm++)
        {
            var line = plot.Add.Scatter(xs, state.Periods.Select(p => p.Weights[arm]).ToArray(), ArmColor(arm));
            line.LegendText = state.Arms[arm];
            line.MarkerSize = 7;
        }

        Finish(plot, xs, 0, 1);
        var caption = $"Each period enrols its own cohort of {state.EnrollmentPerPeriod.ToString("P0", CultureInfo.InvariantCulture)} of units with these weights; enrolled units keep their arm when later weights move.";
        return new ReportChart("bandit-weights", "Weights over time", state.Arms, caption, plot, 940, 320);
    }

    /// <summary>P(best) when each period's weights were computed (periods after the first), one line per arm; null before the first update.</summary>
    public static ReportChart? ProbabilityBest(BanditState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var periods = state.Periods.Where(p => p.ProbabilityBest is not null).ToList();
        if (periods.Count == 0)
        {
            return null;
        }

        var plot = ChartStyle.NewPlot("Probability each arm is best, at each update", "period", "P(best)");
        var xs = periods.Select(p => (double)p.Index).ToArray();
        for (var arm = 0; arm < state.Arms.Count; arm++)
        {
            var line = plot.Add.Scatter(xs, periods.Select(p => p.ProbabilityBest![arm]).ToArray(), ArmColor(arm));
            line.LegendText = state.Arms[arm];
            line.MarkerSize = 7;
        }

        Finish(plot, xs, 0, 1);
        return new ReportChart("bandit-probability-best", "Probability best over time", state.Arms, "The posterior probability that each arm has the highest mean reward, from the rewards counted at the update that opened the period.", plot, 940, 320);
    }

    /// <summary>Each arm's posterior density of its mean reward now; null when no arm has a proper posterior yet.</summary>
    public static ReportChart? Posterior(IReadOnlyList<string> arms, IReadOnlyList<ArmPosterior> posteriors, string rewardMetric)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(posteriors);
        var shown = posteriors.Select((p, i) => (Posterior: p, Arm: i)).Where(x => x.Posterior.Count > 0 && double.IsFinite(x.Posterior.StandardDeviation) && x.Posterior.StandardDeviation > 0).ToList();
        if (shown.Count == 0)
        {
            return null;
        }

        var low = shown.Min(x => x.Posterior.Mean - (4 * x.Posterior.StandardDeviation));
        var high = shown.Max(x => x.Posterior.Mean + (4 * x.Posterior.StandardDeviation));
        if (shown[0].Posterior.Family == PosteriorFamily.Beta)
        {
            (low, high) = (Math.Max(low, 1e-6), Math.Min(high, 1 - 1e-6));
        }

        var plot = ChartStyle.NewPlot($"Posterior of each arm's mean {rewardMetric}", $"mean {rewardMetric}", "density");
        var xs = Enumerable.Range(0, 241).Select(i => low + ((high - low) * i / 240)).ToArray();
        foreach (var (posterior, arm) in shown)
        {
            var line = plot.Add.Scatter(xs, xs.Select(posterior.Density).ToArray(), ArmColor(arm));
            line.LegendText = arms[arm];
            line.MarkerSize = 0;
            line.LineWidth = 2;
        }

        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Edge.Right);
        var family = shown[0].Posterior.Family == PosteriorFamily.Beta ? "Beta(1 + successes, 1 + failures)" : "normal, with the sample variance plugged in";
        return new ReportChart("bandit-posterior", "Posterior", [.. shown.Select(x => arms[x.Arm])], $"Each arm's posterior ({family}) from every counted reward; the overlap is the uncertainty the next weights spend traffic on.", plot, 940, 320);
    }

    /// <summary>Estimated cumulative regret by period; null when it cannot be estimated.</summary>
    public static ReportChart? Regret(BanditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.RegretByPeriod.Count == 0 || !report.RegretByPeriod.All(double.IsFinite))
        {
            return null;
        }

        var plot = ChartStyle.NewPlot("Estimated cumulative regret", "period", "regret (rewards)");
        var xs = Enumerable.Range(0, report.RegretByPeriod.Count).Select(i => (double)i).ToArray();
        var line = plot.Add.Scatter(xs, report.RegretByPeriod.ToArray(), ChartStyle.Estimate);
        line.LegendText = "estimated regret";
        line.MarkerSize = 7;
        Finish(plot, xs, 0, Math.Max(1e-9, report.RegretByPeriod.Max()) * 1.1);
        return new ReportChart("bandit-regret", "Regret", ["regret"], "Σ over periods and arms of units × (best stratified mean − the arm's stratified mean): an estimate, since the best arm's mean is itself estimated.", plot, 940, 300);
    }

    private static void Finish(Plot plot, double[] periods, double bottom, double top)
    {
        plot.Axes.Bottom.SetTicks(periods, [.. periods.Select(p => p.ToString("0", CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimitsX(periods.Min() - 0.5, periods.Max() + 0.5);
        plot.Axes.SetLimitsY(bottom, top);
        plot.ShowLegend(Edge.Right);
    }
}
