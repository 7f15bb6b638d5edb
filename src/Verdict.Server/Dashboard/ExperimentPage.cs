using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Locking;
using Verdict.Reports;
using Verdict.Reports.Html;
using Verdict.Reports.Text;
using Verdict.Server.ControlPlane;
using static Verdict.Server.Dashboard.DashboardHtml;

namespace Verdict.Server.Dashboard;

/// <summary>
/// One experiment: status and lifecycle buttons (admin sessions only), the verdict so far, SRM, the forest plot and the
/// cumulative effect with its sequential boundaries — drawn by the report's own charts — the guardrail monitor's
/// section, the audit log and the registered plan with its lock hash.
/// </summary>
internal static class ExperimentPage
{
    /// <summary>What the page shows.</summary>
    public sealed record Model(
        ExperimentRecord Record,
        ExperimentBrief Brief,
        VerdictSoFar Verdict,
        IReadOnlyList<AuditEntry> Audit,
        double? DaysRunning,
        int OpenAlerts,
        bool MonitorPresent,
        JsonNode? Guardrails,
        DashboardSession Session,
        string? Error,
        Ladder.LadderView? Ladder = null);

    public static string Body(Model m)
    {
        var r = m.Record;
        var status = ControlPlaneStore.Name(r.Status);
        var html = new StringBuilder(256 * 1024);
        html.Append("<header><h1>").Append(E(r.Key)).Append(" <span class=\"muted\">v").Append(r.Version).Append("</span></h1><p class=\"meta\">status <span id=\"status\" class=\"badge ")
            .Append(status).Append("\" data-status=\"").Append(status).Append("\">").Append(status).Append("</span> · exposure <span id=\"exposure\">").Append(N(r.Exposure * 100, "0.##"))
            .Append(" %</span> · stage <span id=\"stage\">").Append(E(m.Ladder?.Current ?? Stage(m.Brief.Traffic.Stage))).Append("</span> · ").Append(m.DaysRunning is { } days ? N(days, "0.0") + " days running" : "not started").Append(" · owner ").Append(E(m.Brief.Owner))
            .Append(" · <span id=\"open-alerts\" data-count=\"").Append(m.OpenAlerts).Append('"').Append(m.OpenAlerts > 0 ? " class=\"alerts\"" : string.Empty).Append('>').Append(m.OpenAlerts).Append(" open alert(s)</span>")
            .Append(" · lock <code id=\"registered-lock\">").Append(E(r.LockHash[..Math.Min(16, r.LockHash.Length)])).Append("…</code></p></header>");
        if (m.Error is not null)
        {
            html.Append("<p class=\"error\" id=\"error\">").Append(E(m.Error)).Append("</p>");
        }

        if (m.Session.IsAdmin)
        {
            Actions(html, m);
        }

        var report = m.Verdict.Report;
        ReportCharts? charts = null;
        ReportContent? content = null;
        if (report is null)
        {
            html.Append("<section id=\"verdict\" class=\"banner decision-invalid\" data-decision=\"\"><div class=\"decision\">NO VERDICT YET</div><ul class=\"reasons\"><li>")
                .Append(E(m.Verdict.Missing)).Append("</li></ul></section>");
        }
        else
        {
            var registered = BriefCanonicalForm.Lock(m.Brief) with { Hash = r.LockHash, Exposure = r.Exposure };
            content = new ReportContent(m.Brief, report, report.Plan.Sizing, registered);
            charts = ReportCharts.Build(content);
            Banner(html, report);
            Srm(html, m.Brief, report, charts);
            Effects(html, charts);
        }

        GuardrailSection.Write(html, m.MonitorPresent, m.Guardrails);
        Ladder.LadderSection.Write(html, m.Ladder, r, m.Session);
        AuditLog(html, m.Audit);
        if (content is not null)
        {
            html.Append(ReportFragments.Plan(content));
        }
        else
        {
            html.Append("<section id=\"plan\"><h2>Registered plan</h2><p>lock sha256 <code id=\"lock-hash\">").Append(E(r.LockHash)).Append("</code></p><details><summary>The registered brief</summary><pre>")
                .Append(E(r.BriefYaml)).Append("</pre></details></section>");
        }

        return html.ToString();
    }

    private static void Actions(StringBuilder html, Model m)
    {
        var r = m.Record;
        html.Append("<section id=\"actions\" class=\"actions\"><h2>Change</h2>");
        if (r.Status is ExperimentStatus.Draft)
        {
            Button(html, m, "start", "Start", string.Empty);
        }

        if (r.Status is ExperimentStatus.Running or ExperimentStatus.Paused && r.Exposure < 1)
        {
            var input = $"<label>exposure <input type=\"number\" name=\"exposure\" id=\"ramp-exposure\" min=\"{N(r.Exposure, "0.####")}\" max=\"1\" step=\"0.01\" value=\"{N(Math.Min(1, r.Exposure * 2), "0.##")}\" required></label>";
            Button(html, m, "ramp", "Ramp", input);
        }

        if (r.Status is ExperimentStatus.Running)
        {
            Button(html, m, "pause", "Pause", string.Empty);
        }

        if (r.Status is ExperimentStatus.Paused)
        {
            Button(html, m, "resume", "Resume", string.Empty);
        }

        if (r.Status is ExperimentStatus.Running or ExperimentStatus.Paused)
        {
            Button(html, m, "stop", "Stop for good", string.Empty);
        }

        html.Append("<p class=\"muted\">Every change is recorded in the audit log with your name and the reason.</p></section>");
    }

    private static void Button(StringBuilder html, Model m, string action, string label, string extra)
    {
        html.Append("<form method=\"post\" class=\"action\" id=\"form-").Append(action).Append("\" action=\"/experiments/").Append(Uri.EscapeDataString(m.Record.Key)).Append('/').Append(action).Append("\">")
            .Append(Csrf(m.Session)).Append("<input type=\"hidden\" name=\"version\" value=\"").Append(m.Record.Version).Append("\">").Append(extra)
            .Append("<input type=\"text\" name=\"reason\" placeholder=\"reason\" id=\"reason-").Append(action).Append("\" required>")
            .Append("<button type=\"submit\" id=\"").Append(action).Append('"').Append(action == "stop" ? " class=\"danger\"" : string.Empty).Append('>').Append(label).Append("</button></form>");
    }

    private static void Banner(StringBuilder html, AnalysisReport report)
    {
        var decision = AnalysisDocument.DecisionText(report.Decision);
        html.Append("<section id=\"verdict\" class=\"banner decision-").Append(decision.ToLowerInvariant().Replace(' ', '-')).Append("\" data-decision=\"").Append(E(decision))
            .Append("\"><div class=\"decision\">").Append(E(decision)).Append(" <span style=\"font-size:15px;font-weight:400\">so far</span></div><ul class=\"reasons\">");
        foreach (var reason in DecisionText.Reasons(report))
        {
            html.Append("<li>").Append(E(reason)).Append("</li>");
        }

        html.Append("</ul></section>");
    }

    private static void Srm(StringBuilder html, ExperimentBrief brief, AnalysisReport report, ReportCharts charts)
    {
        var alarm = report.SrmPValue < brief.Analysis.SrmPValue;
        html.Append("<section id=\"srm\" data-srm-alarm=\"").Append(alarm ? "true" : "false").Append("\"><h2>Sample ratio</h2><p>")
            .Append(string.Create(CultureInfo.InvariantCulture, $"SRM χ² p = {MetricFormat.PValue(report.SrmPValue)} (alarm below {brief.Analysis.SrmPValue}): "))
            .Append(alarm ? "<strong class=\"alerts\">the arms are not in their registered ratio; do not trust the lift</strong>" : "the arms are in their registered ratio")
            .Append(" · ").Append(E(string.Join(", ", brief.Arms.Select(a => $"{a.Name} {report.Population.UnitsPerArm.GetValueOrDefault(a.Name):N0} units")))).Append("</p>");
        html.Append(ReportFragments.Chart(charts.ArmCounts)).Append("</section>");
    }

    private static void Effects(StringBuilder html, ReportCharts charts)
    {
        html.Append("<section id=\"forest-plot\" data-series=\"").Append(E(string.Join(",", charts.Forest.SelectMany(c => c.Series).Distinct(StringComparer.Ordinal)))).Append("\"><h2>Every metric's lift</h2>");
        if (charts.Forest.Count == 0)
        {
            html.Append("<p class=\"no-chart\">No lift is shown: the comparison failed its integrity checks.</p>");
        }

        charts.Forest.ToList().ForEach(c => html.Append(ReportFragments.Chart(c)));
        html.Append("</section><section id=\"over-time\"><h2>Cumulative effect and sequential boundaries</h2>");
        html.Append(charts.Cumulative is { } cumulative ? ReportFragments.Chart(cumulative) : "<p class=\"no-chart\">No cumulative effect yet.</p>");
        html.Append("</section>");
    }

    private static void AuditLog(StringBuilder html, IReadOnlyList<AuditEntry> audit)
    {
        html.Append("<section id=\"audit\"><h2>Audit log</h2><table><thead><tr><th>#</th><th>at (UTC)</th><th>version</th><th>who</th><th>action</th><th>reason</th><th>before → after</th></tr></thead><tbody>");
        foreach (var e in audit.OrderByDescending(e => e.Sequence))
        {
            html.Append("<tr class=\"audit").Append(AuditFacts.IsAlert(e.Action) ? " status-fail" : string.Empty).Append("\" data-action=\"").Append(E(e.Action)).Append("\"><td>").Append(e.Sequence).Append("</td><td>")
                .Append(e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append("</td><td>").Append(e.Version is { } v ? "v" + v : "–").Append("</td><td>").Append(E(e.Actor))
                .Append("</td><td><strong>").Append(E(e.Action)).Append("</strong></td><td class=\"reason\">").Append(E(e.Reason)).Append("</td><td><code>").Append(E(e.Before)).Append("</code> → <code>")
                .Append(E(e.After)).Append("</code></td></tr>");
        }

        html.Append("</tbody></table></section>");
    }
}
