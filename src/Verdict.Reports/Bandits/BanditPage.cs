using System.Globalization;
using System.Text;
using Verdict.Experiments.Analysis.Bandits;
using Verdict.Reports.Charts;
using Verdict.Reports.Html;
using Verdict.Reports.Text;

namespace Verdict.Reports.Bandits;

/// <summary>
/// The bandit page of the HTML report (docs/report.md, "Bandit"; docs/bandits.md): the caveat that a bandit's result is
/// not a fixed-horizon launch test first, then the weights over time, the posterior and the probability each arm is
/// best, the regret, and the honest (period-stratified and inverse-propensity) estimates. The report's own shell,
/// style sheet and chart code; self-contained: no scripts, no external files.
/// </summary>
public static class BanditPage
{
    private const string Css = ".caveat{background:#fff4d6;border-left:4px solid #e0a800;padding:.6rem 1rem}";

    /// <summary>Renders the page for <paramref name="state"/> and the latest update's <paramref name="report"/>.</summary>
    public static string Render(BanditState state, BanditReport report, DateTimeOffset generatedAt) => Render(state, report, null, generatedAt);

    /// <summary>Renders the page, naming the brief's lock hash when there is one (<c>verdict report</c>).</summary>
    public static string Render(BanditState state, BanditReport report, string? lockHash, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(256 * 1024);
        HtmlPage.Open(html, $"{state.Experiment} v{state.Version}: bandit", Css);
        html.Append("<h1>").Append(E($"{state.Experiment} v{state.Version}")).Append(": Thompson-sampling bandit</h1>");
        html.Append("<p id=\"bandit-caveat\" class=\"caveat\"><strong>Not a launch test.</strong> ").Append(E(Caveats.Bandit)).Append("</p>");

        html.Append("<section id=\"bandit-weights-section\"><h2>Weights over time</h2>");
        HtmlReport.Chart(html, BanditCharts.Weights(state), "figure");
        PeriodTable(html, state);
        html.Append("</section>");

        html.Append("<section id=\"bandit-posterior-section\"><h2>Posterior and probability each arm is best</h2>");
        Figure(html, BanditCharts.Posterior(report.Arms, report.Posteriors, state.RewardMetric));
        Figure(html, BanditCharts.ProbabilityBest(state));
        PosteriorTable(html, report);
        html.Append("</section>");

        html.Append("<section id=\"bandit-regret-section\"><h2>Regret</h2>");
        Figure(html, BanditCharts.Regret(report));
        html.Append("<p>").Append(E(Invariant($"Estimated regret so far: {F(report.EstimatedRegret)} rewards."))).Append("</p></section>");

        html.Append("<section id=\"bandit-estimates-section\"><h2>Honest estimates</h2>");
        html.Append("<p class=\"muted\">The naive pooled mean mixes periods in the proportions the weights chose, so it is biased; read the period-stratified mean, or the inverse-propensity mean with its sandwich interval (docs/bandits.md, \"Honest analysis\").</p>");
        EstimateTable(html, report);
        var lift = report.Estimate.Lift;
        var ipw = report.Estimate.InverseProbabilityLift;
        html.Append("<p>").Append(E(Invariant(
            $"Period-stratified lift of {report.Arms[^1]} over {report.Arms[0]}: {F(lift.Value)} (95% CI [{F(lift.CiLow)}, {F(lift.CiHigh)}]) over {report.Estimate.PeriodsUsed} period(s); inverse-propensity lift {F(ipw.Value)} (95% CI [{F(ipw.CiLow)}, {F(ipw.CiHigh)}]).")))
            .Append("</p>");
        html.Append("<p class=\"muted\">").Append(E(report.RewardCutoff is { } cutoff
            ? Invariant($"Rewards counted for units first exposed by {cutoff:yyyy-MM-dd HH:mm} UTC, whose reward windows had closed.")
            : "The reward has no window (within), so every enrolled unit's rewards are counted.")).Append("</p>");
        foreach (var d in report.Weights.Diagnostics.Concat(report.Estimate.Diagnostics))
        {
            html.Append("<p>note ").Append(E($"{d.Code}: {d.Message}")).Append("</p>");
        }

        html.Append("</section><p><small>").Append(E(Invariant($"Generated {generatedAt:yyyy-MM-dd HH:mm} UTC. Weights by {(state.TopTwo ? "top-two " : string.Empty)}Thompson sampling ({state.Method.ToString().ToLowerInvariant()}), floor {state.MinWeight}, minimum {state.MinSample} rewards per arm; each period enrols its own cohort of {state.EnrollmentPerPeriod:P0} of units.")));
        if (lockHash is not null)
        {
            html.Append(" Brief lock ").Append(E(lockHash)).Append('.');
        }

        html.Append("</small></p>");
        HtmlPage.Close(html);
        return html.ToString();
    }

    private static void Figure(StringBuilder html, ReportChart? chart)
    {
        if (chart is not null)
        {
            HtmlReport.Chart(html, chart, "figure");
        }
    }

    private static void PeriodTable(StringBuilder html, BanditState state)
    {
        html.Append("<table><tr><th>period</th><th>computed</th><th>rewards per arm</th><th>P(best) then</th><th>weights</th><th>updated</th></tr>");
        foreach (var p in state.Periods)
        {
            html.Append("<tr><td>").Append(p.Index.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(E(p.ComputedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)))
                .Append("</td><td>").Append(E(string.Join(" / ", p.RewardsPerArm)))
                .Append("</td><td>").Append(E(p.ProbabilityBest is null ? "–" : string.Join(" / ", p.ProbabilityBest.Select(F))))
                .Append("</td><td>").Append(E(string.Join(" / ", p.Weights.Select(F))))
                .Append("</td><td>").Append(p.Updated ? "yes" : "no").Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void PosteriorTable(StringBuilder html, BanditReport r)
    {
        html.Append("<table id=\"bandit-posterior-table\"><tr><th>arm</th><th>rewards</th><th>posterior mean</th><th>posterior sd</th><th>P(best) now</th><th>next weight</th></tr>");
        for (var i = 0; i < r.Arms.Count; i++)
        {
            var posterior = i < r.Posteriors.Count ? r.Posteriors[i] : default;
            html.Append("<tr><td>").Append(E(r.Arms[i])).Append("</td><td>").Append(r.RewardsPerArm[i].ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(posterior.Count > 0 ? F(posterior.Mean) : "n/a").Append("</td><td>").Append(posterior.Count > 0 ? F(posterior.StandardDeviation) : "n/a")
                .Append("</td><td>").Append(F(r.Weights.ProbabilityBest[i])).Append("</td><td>").Append(F(r.Weights.Weights[i])).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void EstimateTable(StringBuilder html, BanditReport r)
    {
        html.Append("<table id=\"bandit-estimates-table\"><tr><th>arm</th><th>rewards</th><th>naive mean</th><th>stratified mean</th><th>IPW mean</th><th>IPW 95% CI</th></tr>");
        for (var i = 0; i < r.Arms.Count; i++)
        {
            var interval = r.Estimate.InverseProbabilityIntervals[i];
            html.Append("<tr><td>").Append(E(r.Arms[i])).Append("</td><td>").Append(r.RewardsPerArm[i].ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(F(r.Estimate.Naive[i])).Append("</td><td>").Append(F(r.Estimate.Stratified[i]))
                .Append("</td><td>").Append(F(r.Estimate.InverseProbability[i])).Append("</td><td>").Append(E($"[{F(interval.CiLow)}, {F(interval.CiHigh)}]"))
                .Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static string E(string text) => Verdict.Reports.Html.Html.E(text);

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
