using System.Globalization;
using System.Text;
using Verdict.Assignment.Interleaving;
using Verdict.Experiments.Analysis.Interleaving;
using Verdict.Reports.Text;
using Verdict.Statistics.Interleaving;

namespace Verdict.Reports.Interleaving;

/// <summary>
/// The interleaving page of the HTML report (docs/interleaving.md): per-query outcomes as a bar, and B's preference
/// share with its interval under both variances against the 50 % line. Self-contained: no scripts, no external files.
/// </summary>
public static class InterleavingPage
{
    /// <summary>Renders the page for one experiment's per-query and per-user analyses.</summary>
    public static string Render(string experiment, ClusteredInterleavingTally sums, PreferenceResult perQuery, PreferenceResult perUser, DateTimeOffset generatedAt) =>
        Page(experiment, "team-draft interleaving", sums, perQuery, perUser, generatedAt, null);

    /// <summary>
    /// The report of an interleaving brief (<c>verdict report</c>): the verdict with its reasons and every check, the
    /// registered plan's lock hash, then the outcomes and preference sections.
    /// </summary>
    public static string Render(InterleavingReport report, string? lockHash, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        var method = report.Design.Method == InterleavingMethod.TeamDraft ? "team-draft interleaving" : "balanced interleaving";
        return Page($"{report.Experiment} v{report.Version}", method, report.Sums, report.PerQuery, report.PerUnit, generatedAt, html =>
        {
            var decision = AnalysisDocument.DecisionText(report.Decision);
            html.Append("<h2 class=\"").Append(Verdict.Reports.Html.Html.Css(decision)).Append("\">Verdict: ").Append(Verdict.Reports.Html.Html.E(decision)).Append("</h2><ul>");
            foreach (var reason in report.Reasons.Select(DecisionText.Text))
            {
                html.Append("<li>").Append(Verdict.Reports.Html.Html.E(reason)).Append("</li>");
            }

            html.Append("</ul><p>").Append(Verdict.Reports.Html.Html.E($"Team A is {report.TeamA} (control), team B is {report.TeamB}. {Caveats.Interleaving}")).Append("</p>");
            html.Append("<table><tr><th>step</th><th>check</th><th>result</th><th>detail</th></tr>");
            foreach (var check in report.Checks)
            {
                html.Append("<tr><td>").Append(Verdict.Reports.Html.Html.E(check.Step)).Append("</td><td>").Append(Verdict.Reports.Html.Html.E(check.Name)).Append("</td><td>")
                    .Append(Verdict.Reports.Html.Html.E(check.Status.ToString().ToUpperInvariant())).Append("</td><td style=\"text-align:left\">").Append(Verdict.Reports.Html.Html.E(CheckText.Detail(check))).Append("</td></tr>");
            }

            html.Append("</table><p>").Append(Verdict.Reports.Html.Html.E(lockHash is null ? "The brief has no lock: this analysis is not of a registered plan." : $"Registered plan: lock sha256 {lockHash}.")).Append("</p>");
        });
    }

    private static string Page(string experiment, string method, ClusteredInterleavingTally sums, PreferenceResult perQuery, PreferenceResult perUser, DateTimeOffset generatedAt, Action<StringBuilder>? verdict)
    {
        ArgumentNullException.ThrowIfNull(perQuery);
        ArgumentNullException.ThrowIfNull(perUser);
        var t = sums.Total;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Verdict.Reports.Html.Html.E(experiment + ": interleaving"))
            .Append("</title><style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222}")
            .Append("table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}th:first-child,td:first-child{text-align:left}</style></head><body>");
        html.Append("<h1>").Append(Verdict.Reports.Html.Html.E($"{experiment}: {method}")).Append("</h1>");
        verdict?.Invoke(html);
        html.Append("<p>").Append(Verdict.Reports.Html.Html.E(Invariant($"{t.Queries:N0} queries from {sums.Users:N0} users. Each query's outcome is the ranker credited with more clicks, or a tie."))).Append("</p>");
        html.Append("<h2>Per-query outcomes</h2>");
        const int width = 720;
        var total = Math.Max(1, t.Queries);
        double x = 0;
        html.Append("<svg role=\"img\" aria-label=\"per-query outcomes\" width=\"720\" height=\"40\" viewBox=\"0 0 720 40\">");
        foreach (var (label, count, color) in new[] { ("A wins", t.WinsA, "#4e79a7"), ("ties", t.Ties, "#bab0ac"), ("B wins", t.WinsB, "#f28e2b") })
        {
            var w = width * (double)count / total;
            html.Append(Invariant($"<rect x=\"{x:F1}\" y=\"0\" width=\"{w:F1}\" height=\"28\" fill=\"{color}\"><title>{label}: {count:N0}</title></rect>"));
            x += w;
        }

        html.Append("</svg>");
        html.Append(Invariant($"<table><tr><th>outcome</th><th>queries</th><th>share</th></tr><tr><td>A wins</td><td>{t.WinsA:N0}</td><td>{(double)t.WinsA / total:0.0%}</td></tr><tr><td>B wins</td><td>{t.WinsB:N0}</td><td>{(double)t.WinsB / total:0.0%}</td></tr><tr><td>ties</td><td>{t.Ties:N0}</td><td>{(double)t.Ties / total:0.0%}</td></tr></table>"));
        html.Append("<h2>Preference for B</h2>");
        ShareChart(html, [("queries independent", perQuery), ("clustered by user", perUser)]);
        html.Append("<table><tr><th>variance</th><th>B's share of decisive queries</th><th>95% CI</th><th>p-value (share = ½)</th><th>Δ_AB</th></tr>");
        foreach (var (name, r) in new[] { ("queries independent (Wilson, exact binomial)", perQuery), ("clustered by user (Wald)", perUser) })
        {
            html.Append("<tr><td>").Append(Verdict.Reports.Html.Html.E(name)).Append("</td><td>").Append(P(r.ShareB)).Append("</td><td>[").Append(P(r.CiLow)).Append(", ").Append(P(r.CiHigh))
                .Append("]</td><td>").Append(F(r.PValue)).Append("</td><td>").Append(F(r.DeltaAB)).Append("</td></tr>");
        }

        html.Append("</table>");
        foreach (var d in perQuery.Diagnostics.Concat(perUser.Diagnostics).DistinctBy(d => d.Message))
        {
            html.Append("<p>note ").Append(Verdict.Reports.Html.Html.E($"{d.Code}: {d.Message}")).Append("</p>");
        }

        html.Append("<p>").Append(Verdict.Reports.Html.Html.E(Caveats.InterleavingDuel)).Append("</p>");
        html.Append("<p><small>").Append(Verdict.Reports.Html.Html.E(Invariant($"Generated {generatedAt:yyyy-MM-dd HH:mm} UTC."))).Append("</small></p></body></html>\n");
        return html.ToString();
    }

    private static void ShareChart(StringBuilder html, (string Name, PreferenceResult Result)[] rows)
    {
        const int width = 720, left = 170, row = 30;
        // The axis spans 40–60 % unless an interval reaches further, so a few points of preference are visible.
        var finite = rows.Select(r => r.Result).Where(r => double.IsFinite(r.CiLow) && double.IsFinite(r.CiHigh)).ToList();
        var low = Math.Max(0, Math.Min(0.4, finite.Select(r => r.CiLow - 0.02).DefaultIfEmpty(0.4).Min()));
        var high = Math.Min(1, Math.Max(0.6, finite.Select(r => r.CiHigh + 0.02).DefaultIfEmpty(0.6).Max()));
        double X(double share) => left + ((width - left - 10) * (share - low) / (high - low));
        html.Append(Invariant($"<svg role=\"img\" aria-label=\"preference share\" width=\"{width}\" height=\"{(rows.Length * row) + 20}\" viewBox=\"0 0 {width} {(rows.Length * row) + 20}\">"));
        html.Append(Invariant($"<line x1=\"{X(0.5):F1}\" y1=\"0\" x2=\"{X(0.5):F1}\" y2=\"{rows.Length * row}\" stroke=\"#888\" stroke-dasharray=\"4 3\"/><text x=\"{X(0.5):F1}\" y=\"{(rows.Length * row) + 14}\" font-size=\"11\" text-anchor=\"middle\">50%</text><text x=\"{left}\" y=\"{(rows.Length * row) + 14}\" font-size=\"11\">{low:0%}</text><text x=\"{width - 10}\" y=\"{(rows.Length * row) + 14}\" font-size=\"11\" text-anchor=\"end\">{high:0%}</text>"));
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i].Result;
            var y = (i * row) + 15;
            html.Append(Invariant($"<text x=\"0\" y=\"{y + 4}\" font-size=\"12\">")).Append(Verdict.Reports.Html.Html.E(rows[i].Name)).Append("</text>");
            if (double.IsFinite(r.CiLow) && double.IsFinite(r.CiHigh))
            {
                html.Append(Invariant($"<line x1=\"{X(Math.Clamp(r.CiLow, 0, 1)):F1}\" y1=\"{y}\" x2=\"{X(Math.Clamp(r.CiHigh, 0, 1)):F1}\" y2=\"{y}\" stroke=\"#f28e2b\" stroke-width=\"3\"/><circle cx=\"{X(r.ShareB):F1}\" cy=\"{y}\" r=\"5\" fill=\"#f28e2b\"/>"));
            }
        }

        html.Append("</svg>");
    }

    private static string P(double v) => double.IsFinite(v) ? v.ToString("0.00%", CultureInfo.InvariantCulture) : "n/a";

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
