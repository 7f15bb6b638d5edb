using System.Globalization;
using System.Text;
using Verdict.Experiments.Analysis.Bandits;
using Verdict.Reports.Html;

namespace Verdict.Reports.Bandits;

/// <summary>
/// The bandit page of the HTML report (docs/bandits.md): the weights of every period as a stacked-bar SVG, each
/// period's probability of being best, the latest honest estimates and regret, and the caveat that a bandit's result
/// is not a fixed-horizon launch test. Self-contained: no scripts, no external files.
/// </summary>
public static class BanditPage
{
    private static readonly string[] Colors = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    /// <summary>Renders the page for <paramref name="state"/> and the latest update's <paramref name="report"/>.</summary>
    public static string Render(BanditState state, BanditReport report, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Verdict.Reports.Html.Html.E($"{state.Experiment} v{state.Version}: bandit"))
            .Append("</title><style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222}")
            .Append("table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}")
            .Append("th:first-child,td:first-child{text-align:left}.caveat{background:#fff4d6;border-left:4px solid #e0a800;padding:.6rem 1rem}</style></head><body>");
        html.Append("<h1>").Append(Verdict.Reports.Html.Html.E($"{state.Experiment} v{state.Version}")).Append(": Thompson-sampling bandit</h1>");
        html.Append("<p class=\"caveat\">").Append(Verdict.Reports.Html.Html.E(report.Caveat)).Append("</p>");
        html.Append("<h2>Weights by period</h2>");
        WeightsChart(html, state);
        PeriodTable(html, state);
        html.Append("<h2>Latest estimates</h2>");
        EstimateTable(html, report);
        var lift = report.Estimate.Lift;
        html.Append("<p>").Append(Verdict.Reports.Html.Html.E(Invariant(
            $"Period-stratified lift of {report.Arms[^1]} over {report.Arms[0]}: {F(lift.Value)} (95% CI [{F(lift.CiLow)}, {F(lift.CiHigh)}]) over {report.Estimate.PeriodsUsed} period(s). Estimated regret so far: {F(report.EstimatedRegret)} rewards.")))
            .Append("</p>");
        foreach (var d in report.Weights.Diagnostics.Concat(report.Estimate.Diagnostics))
        {
            html.Append("<p>note ").Append(Verdict.Reports.Html.Html.E($"{d.Code}: {d.Message}")).Append("</p>");
        }

        html.Append("<p><small>").Append(Verdict.Reports.Html.Html.E(Invariant($"Generated {generatedAt:yyyy-MM-dd HH:mm} UTC. Weights by {(state.TopTwo ? "top-two " : string.Empty)}Thompson sampling ({state.Method.ToString().ToLowerInvariant()}), floor {state.MinWeight}, minimum {state.MinSample} rewards per arm; each period enrols its own cohort of {state.EnrollmentPerPeriod:P0} of units."))).Append("</small></p>");
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void WeightsChart(StringBuilder html, BanditState state)
    {
        const int width = 720, height = 220, left = 40, bottom = 24;
        var periods = state.Periods.Count;
        var bar = (width - left) / (double)periods;
        html.Append(Invariant($"<svg role=\"img\" aria-label=\"weights by period\" width=\"{width}\" height=\"{height + bottom}\" viewBox=\"0 0 {width} {height + bottom}\">"));
        foreach (var period in state.Periods)
        {
            var y = 0.0;
            for (var arm = 0; arm < period.Weights.Count; arm++)
            {
                var h = period.Weights[arm] * height;
                html.Append(Invariant($"<rect x=\"{left + (period.Index * bar) + 1:F1}\" y=\"{y:F1}\" width=\"{bar - 2:F1}\" height=\"{h:F1}\" fill=\"{Colors[arm % Colors.Length]}\"><title>"))
                    .Append(Verdict.Reports.Html.Html.E(Invariant($"period {period.Index}, {state.Arms[arm]}: {period.Weights[arm]:0.###}")))
                    .Append("</title></rect>");
                y += h;
            }

            html.Append(Invariant($"<text x=\"{left + ((period.Index + 0.5) * bar):F1}\" y=\"{height + 16}\" font-size=\"11\" text-anchor=\"middle\">{period.Index}</text>"));
        }

        html.Append(Invariant($"<text x=\"0\" y=\"12\" font-size=\"11\">1.0</text><text x=\"0\" y=\"{height}\" font-size=\"11\">0</text></svg><p>"));
        for (var arm = 0; arm < state.Arms.Count; arm++)
        {
            html.Append(Invariant($"<span style=\"color:{Colors[arm % Colors.Length]}\">■</span> ")).Append(Verdict.Reports.Html.Html.E(state.Arms[arm])).Append(" &nbsp; ");
        }

        html.Append("</p>");
    }

    private static void PeriodTable(StringBuilder html, BanditState state)
    {
        html.Append("<table><tr><th>period</th><th>computed</th><th>rewards per arm</th><th>P(best) then</th><th>weights</th><th>updated</th></tr>");
        foreach (var p in state.Periods)
        {
            html.Append("<tr><td>").Append(p.Index.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(Verdict.Reports.Html.Html.E(p.ComputedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)))
                .Append("</td><td>").Append(Verdict.Reports.Html.Html.E(string.Join(" / ", p.RewardsPerArm)))
                .Append("</td><td>").Append(Verdict.Reports.Html.Html.E(p.ProbabilityBest is null ? "–" : string.Join(" / ", p.ProbabilityBest.Select(F))))
                .Append("</td><td>").Append(Verdict.Reports.Html.Html.E(string.Join(" / ", p.Weights.Select(F))))
                .Append("</td><td>").Append(p.Updated ? "yes" : "no").Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void EstimateTable(StringBuilder html, BanditReport r)
    {
        html.Append("<table><tr><th>arm</th><th>rewards</th><th>naive mean</th><th>stratified mean</th><th>IPW mean</th><th>P(best)</th><th>next weight</th></tr>");
        for (var i = 0; i < r.Arms.Count; i++)
        {
            html.Append("<tr><td>").Append(Verdict.Reports.Html.Html.E(r.Arms[i])).Append("</td><td>").Append(r.RewardsPerArm[i].ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(F(r.Estimate.Naive[i])).Append("</td><td>").Append(F(r.Estimate.Stratified[i]))
                .Append("</td><td>").Append(F(r.Estimate.InverseProbability[i])).Append("</td><td>").Append(F(r.Weights.ProbabilityBest[i]))
                .Append("</td><td>").Append(F(r.Weights.Weights[i])).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
