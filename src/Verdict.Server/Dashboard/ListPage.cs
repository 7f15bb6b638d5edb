using System.Text;
using Verdict.Reports;
using Verdict.Server.ControlPlane;
using static Verdict.Server.Dashboard.DashboardHtml;

namespace Verdict.Server.Dashboard;

/// <summary>The experiment list: one row per key at its live version (else its newest), with the verdict so far and open alerts.</summary>
internal static class ListPage
{
    /// <summary>One row of the list.</summary>
    public sealed record Row(ExperimentRecord Record, string Stage, double? DaysRunning, VerdictSoFar Verdict, int OpenAlerts);

    public static string Body(IReadOnlyList<Row> rows)
    {
        var html = new StringBuilder(4096);
        html.Append("<h1>Experiments</h1>");
        if (rows.Count == 0)
        {
            html.Append("<p class=\"muted\">No experiment has been created on this server yet (<code>verdict experiments create</code>).</p>");
            return html.ToString();
        }

        html.Append("<table id=\"experiments\"><thead><tr><th>experiment</th><th>version</th><th>status</th><th>stage</th><th>exposure</th><th>days running</th><th>verdict so far</th><th>open alerts</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            var r = row.Record;
            var status = ControlPlaneStore.Name(r.Status);
            html.Append("<tr class=\"experiment\" data-key=\"").Append(E(r.Key)).Append("\"><td><a href=\"/experiments/").Append(Uri.EscapeDataString(r.Key)).Append("\">").Append(E(r.Key)).Append("</a></td><td>v")
                .Append(r.Version).Append("</td><td><span class=\"badge ").Append(status).Append("\" data-status=\"").Append(status).Append("\">").Append(status).Append("</span></td><td class=\"stage\">").Append(E(row.Stage)).Append("</td><td>")
                .Append(N(r.Exposure * 100, "0.##")).Append(" %</td><td>").Append(row.DaysRunning is { } days ? N(days, "0.0") : "–").Append("</td><td class=\"verdict\">");
            html.Append(row.Verdict.Report is { } report ? "<strong>" + E(AnalysisDocument.DecisionText(report.Decision)) + "</strong>" : "<span class=\"muted\">" + E(row.Verdict.Missing) + "</span>");
            html.Append("</td><td").Append(row.OpenAlerts > 0 ? " class=\"alerts\"" : string.Empty).Append('>').Append(row.OpenAlerts).Append("</td></tr>");
        }

        html.Append("</tbody></table><p class=\"muted\">Verdicts are the same analysis as <code>GET /api/v1/experiments/{key}/results</code>, reused for ")
            .Append(VerdictCache.Ttl.TotalSeconds).Append(" s.</p>");
        return html.ToString();
    }
}
