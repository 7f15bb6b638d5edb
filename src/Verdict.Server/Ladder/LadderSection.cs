using System.Text;
using Verdict.Reports.Text;
using Verdict.Server.ControlPlane;
using Verdict.Server.Dashboard;
using static Verdict.Server.Dashboard.DashboardHtml;

namespace Verdict.Server.Ladder;

/// <summary>
/// The experiment page's ladder (docs/dashboard.md, "The ladder"): every stage with its gate, the current stage, its
/// gate's conditions now, and for admin sessions the advance (with a target stage) and roll back buttons, each a form
/// with the session's CSRF token and a required reason.
/// </summary>
internal static class LadderSection
{
    public static void Write(StringBuilder html, LadderView? ladder, ExperimentRecord record, DashboardSession session)
    {
        if (ladder is null || ladder.Version != record.Version)
        {
            return;
        }

        var gate = ladder.Gate;
        html.Append("<section id=\"ladder\" data-current=\"").Append(E(ladder.Current)).Append("\"><h2>Rollout ladder</h2><table><thead><tr><th>stage</th><th>kind</th><th>exposure</th><th>gate</th><th>where</th></tr></thead><tbody>");
        foreach (var s in ladder.Stages)
        {
            var gateText = s.MinDuration is null ? "none (an admin advances)" : $"{s.MinDuration}, ≥ {s.MinSamplePerArm} per arm" + (s.Guardrails.Count > 0 ? ", holding " + string.Join(", ", s.Guardrails) : string.Empty);
            html.Append("<tr class=\"stage stage-").Append(E(s.Position)).Append("\" data-stage=\"").Append(E(s.Name)).Append("\" data-position=\"").Append(E(s.Position)).Append("\"><td>")
                .Append(s.Position == "current" ? "<strong>" + E(s.Name) + "</strong>" : E(s.Name)).Append("</td><td>").Append(E(s.Kind)).Append("</td><td>").Append(N(s.Exposure * 100, "0.##"))
                .Append(" %</td><td>").Append(E(gateText)).Append("</td><td>").Append(E(s.Position)).Append("</td></tr>");
        }

        var state = gate.Passed ? "passed" : gate.HasGate && gate.Next is not null ? "not-passed" : "none";
        html.Append("</tbody></table><div id=\"gate\" data-gate=\"").Append(state).Append("\"><p>Gate of <strong>").Append(E(gate.Stage)).Append("</strong>: ")
            .Append(state switch { "passed" => "<span class=\"badge running\">passed</span>", "not-passed" => "<span class=\"badge paused\">not passed</span>", _ => "<span class=\"muted\">none</span>" })
            .Append(gate.Next is null ? string.Empty : " → next " + E(gate.Next)).Append("</p><ul class=\"reasons\">");
        foreach (var condition in MonitorText.Conditions(gate))
        {
            html.Append("<li>").Append(E(condition)).Append("</li>");
        }

        html.Append("</ul></div>");
        if (session.IsAdmin && record.Status is ExperimentStatus.Running or ExperimentStatus.Paused)
        {
            var ahead = ladder.Stages.Where(s => s.Position == "ahead").ToList();
            if (ahead.Count > 0)
            {
                html.Append("<form method=\"post\" class=\"action\" id=\"form-advance\" action=\"/experiments/").Append(Uri.EscapeDataString(record.Key)).Append("/advance\">").Append(Csrf(session))
                    .Append("<input type=\"hidden\" name=\"version\" value=\"").Append(record.Version).Append("\"><label>to <select name=\"to\" id=\"advance-to\">");
                ahead.ForEach(s => html.Append("<option value=\"").Append(E(s.Name)).Append("\">").Append(E(s.Name)).Append("</option>"));
                html.Append("</select></label><input type=\"text\" name=\"reason\" placeholder=\"reason (required to skip or force a gate)\" id=\"reason-advance\" required><button type=\"submit\" id=\"advance\">Advance</button></form>");
            }

            html.Append("<form method=\"post\" class=\"action\" id=\"form-rollback\" action=\"/experiments/").Append(Uri.EscapeDataString(record.Key)).Append("/rollback\">").Append(Csrf(session))
                .Append("<input type=\"hidden\" name=\"version\" value=\"").Append(record.Version).Append("\"><input type=\"text\" name=\"reason\" placeholder=\"reason\" id=\"reason-rollback\" required>")
                .Append("<button type=\"submit\" id=\"rollback\" class=\"danger\">Roll back (everyone to control)</button></form>");
        }

        html.Append("</section>");
    }
}
