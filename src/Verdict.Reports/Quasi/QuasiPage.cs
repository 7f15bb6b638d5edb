using System.Globalization;
using System.Text;
using Verdict.Reports.Html;
using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Did;
using Verdict.Statistics.Inference;
using Verdict.Statistics.OffPolicy;
using static Verdict.Reports.Html.Html;

namespace Verdict.Reports.Quasi;

/// <summary>
/// Self-contained HTML pages for <c>verdict ope --html</c> and <c>verdict did --html</c> (docs/report.md): the
/// report's style, tables of the estimates, inline SVG charts and the diagnostics; nothing is fetched.
/// </summary>
public static class QuasiPage
{
    /// <summary>The off-policy evaluation page: estimates against the logged policy and the weight distribution.</summary>
    public static string OffPolicy(OffPolicyResult result, string title, double alpha)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = Open(title, string.Create(CultureInfo.InvariantCulture, $"{result.Decisions:N0} logged decisions ({result.Dropped:N0} left out) · off-policy evaluation"));
        html.Append("<section id=\"estimates\"><h2>What the candidate would have earned</h2><table class=\"metrics\"><thead><tr><th>policy</th><th>value</th><th>interval</th><th>bootstrap</th><th>vs logged</th><th>interval</th></tr></thead><tbody>");
        Row(html, "logged policy", result.Logged, null, null);
        foreach (var e in result.Estimates)
        {
            Row(html, OffPolicyCharts.Name(e.Estimator), e.Value, (e.BootstrapLow, e.BootstrapHigh), e.VersusLogged);
        }

        html.Append("</tbody></table>");
        HtmlReport.Chart(html, OffPolicyCharts.Estimates(result, alpha), "figure");
        html.Append("</section><section id=\"weights\"><h2>Importance weights</h2>");
        HtmlReport.Chart(html, OffPolicyCharts.Weights(result), "figure");
        html.Append("</section>");
        return Close(html, result.Diagnostics, "Doubly robust is the estimate to read first; IPS and self-normalized IPS agree with it when the weights are well behaved (docs/ope.md).");
    }

    /// <summary>The difference-in-differences page: the estimates, the 2×2 means and the event-study plot.</summary>
    public static string DifferenceInDifferences(DidResult result, IReadOnlyList<string> periods, string outcome, double alpha)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(periods);
        var adoption = periods[result.AdoptionPeriod ?? 0];
        var html = Open($"{outcome}: difference-in-differences", string.Create(CultureInfo.InvariantCulture,
            $"{result.TreatedUnits:N0} treated and {result.ControlUnits:N0} never-treated units · {result.Periods} periods · adoption at {adoption} · {result.Clusters:N0} clusters"));
        html.Append("<section id=\"estimates\"><h2>Effect of the change</h2><table class=\"metrics\"><thead><tr><th>estimate</th><th>effect</th><th>interval</th><th>p</th><th>df</th></tr></thead><tbody>");
        foreach (var (name, e) in new[] { ("2×2 difference-in-differences", result.TwoByTwo), ("two-way fixed effects", result.TwoWayFixedEffects) })
        {
            html.Append("<tr><td>").Append(E(name)).Append("</td><td>").Append(N(e.Value)).Append("</td><td>[").Append(N(e.CiLow)).Append(", ").Append(N(e.CiHigh))
                .Append("]</td><td>").Append(N(e.PValue)).Append("</td><td>").Append(N(e.DegreesOfFreedom ?? double.NaN)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        if (result.Cells is { } c)
        {
            html.Append("<p class=\"meta\">means before → after: treated ").Append(N(c.TreatedPre)).Append(" → ").Append(N(c.TreatedPost))
                .Append(", never treated ").Append(N(c.ControlPre)).Append(" → ").Append(N(c.ControlPost)).Append("</p>");
        }

        html.Append("</section><section id=\"parallel-trends\"><h2>Parallel trends</h2>");
        HtmlReport.Chart(html, EventStudyChart.Build(result, periods, alpha), "figure");
        html.Append("</section>");
        return Close(html, result.Diagnostics, "Cluster-robust intervals; the leads left of the adoption line are the parallel-trends check (docs/quasi-experiments.md).");
    }

    /// <summary>The staggered-adoption page: the overall group-time average, the event study and every ATT(g, t).</summary>
    public static string Staggered(StaggeredDidResult result, IReadOnlyList<string> periods, string outcome, double alpha)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(periods);
        var html = Open($"{outcome}: staggered difference-in-differences", string.Create(CultureInfo.InvariantCulture,
            $"{result.TreatedUnits:N0} treated units in {result.GroupTime.Select(g => g.Cohort).Distinct().Count()} adoption cohorts · {result.ControlUnits:N0} never-treated units · {result.Clusters:N0} clusters"));
        html.Append("<section id=\"estimates\"><h2>Effect of the change</h2><table class=\"metrics\"><thead><tr><th>estimate</th><th>effect</th><th>interval</th><th>p</th></tr></thead><tbody>");
        html.Append("<tr><td>overall (cohort-size weighted group-time effects)</td><td>").Append(N(result.Overall.Value)).Append("</td><td>[").Append(N(result.Overall.CiLow)).Append(", ")
            .Append(N(result.Overall.CiHigh)).Append("]</td><td>").Append(N(result.Overall.PValue)).Append("</td></tr></tbody></table></section>");
        html.Append("<section id=\"parallel-trends\"><h2>Parallel trends</h2>");
        HtmlReport.Chart(html, EventStudyChart.Build(result, alpha), "figure");
        html.Append("</section><section id=\"group-time\"><h2>Group-time effects</h2><table class=\"metrics\"><thead><tr><th>cohort</th><th>period</th><th>units</th><th>effect</th><th>interval</th></tr></thead><tbody>");
        foreach (var g in result.GroupTime)
        {
            html.Append("<tr><td>").Append(E(periods[g.Cohort])).Append("</td><td>").Append(E(periods[g.Period])).Append("</td><td>").Append(g.Units)
                .Append("</td><td>").Append(N(g.Effect.Value)).Append("</td><td>[").Append(N(g.Effect.CiLow)).Append(", ").Append(N(g.Effect.CiHigh)).Append("]</td></tr>");
        }

        html.Append("</tbody></table></section>");
        return Close(html, result.Diagnostics, "Callaway–Sant'Anna group-time effects against never-treated units; no already-treated unit serves as a control (docs/quasi-experiments.md).");
    }

    private static StringBuilder Open(string title, string meta)
    {
        var html = new StringBuilder(128 * 1024);
        HtmlPage.Open(html, title);
        html.Append("<header><h1>").Append(E(title)).Append("</h1><p class=\"meta\">").Append(E(meta)).Append("</p></header>");
        return html;
    }

    private static string Close(StringBuilder html, IReadOnlyList<Diagnostic> diagnostics, string footer)
    {
        html.Append("<section id=\"diagnostics\"><h2>Diagnostics</h2>");
        if (diagnostics.Count == 0)
        {
            html.Append("<p>None: nothing in the data made these numbers suspect.</p>");
        }
        else
        {
            html.Append("<ul class=\"warnings\">");
            foreach (var d in diagnostics)
            {
                html.Append("<li data-code=\"").Append(E(d.Code.ToString())).Append("\"><strong>").Append(E(d.Code.ToString())).Append("</strong>: ").Append(E(d.Message)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section><footer>").Append(E(footer)).Append("</footer>");
        HtmlPage.Close(html);
        return html.ToString();
    }

    private static void Row(StringBuilder html, string name, Estimate value, (double Low, double High)? bootstrap, Estimate? versus)
    {
        html.Append("<tr><td>").Append(E(name)).Append("</td><td>").Append(N(value.Value)).Append("</td><td>[").Append(N(value.CiLow)).Append(", ").Append(N(value.CiHigh)).Append("]</td><td>");
        if (bootstrap is { } b && double.IsFinite(b.Low))
        {
            html.Append('[').Append(N(b.Low)).Append(", ").Append(N(b.High)).Append(']');
        }

        html.Append("</td><td>");
        if (versus is { } v)
        {
            html.Append(N(v.Value)).Append("</td><td>[").Append(N(v.CiLow)).Append(", ").Append(N(v.CiHigh)).Append(']');
        }
        else
        {
            html.Append("</td><td>");
        }

        html.Append("</td></tr>");
    }

    private static string N(double value) => double.IsFinite(value) ? value.ToString("G4", CultureInfo.InvariantCulture) : "n/a";
}
