using System.Text;
using System.Text.Json.Nodes;
using static Verdict.Server.Dashboard.DashboardHtml;

namespace Verdict.Server.Dashboard;

/// <summary>
/// The guardrail windows, breaches, streaks and the ladder with its gates, as the monitor reports them through an
/// optional <see cref="IGuardrailStatusSource"/>. The JSON is shown as nested tables (arrays of objects as one table),
/// so the monitor's format can grow without a change here; without a monitor the section says so.
/// </summary>
internal static class GuardrailSection
{
    private const int MaxDepth = 6;

    public static void Write(StringBuilder html, bool monitorPresent, JsonNode? status)
    {
        html.Append("<section id=\"guardrails\" data-monitor=\"").Append(monitorPresent ? "present" : "absent").Append("\"><h2>Guardrail windows and ladder</h2>");
        if (!monitorPresent)
        {
            html.Append("<div class=\"placeholder\">The guardrail monitor is not running in this server, so there are no guardrail windows, streaks or ladder stages to show. ")
                .Append("Its decisions, when it runs, appear in the audit log below.</div></section>");
            return;
        }

        if (status is null)
        {
            html.Append("<p class=\"muted\">No guardrail of this version registers a <code>monitor</code> block, or no window has closed yet (docs/monitor.md).</p></section>");
            return;
        }

        Node(html, status, 0);
        html.Append("</section>");
    }

    private static void Node(StringBuilder html, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                html.Append("<span class=\"absent\">–</span>");
                break;
            case JsonObject obj when depth < MaxDepth:
                html.Append("<table class=\"plan\"><tbody>");
                foreach (var (name, value) in obj)
                {
                    html.Append("<tr><th>").Append(E(name)).Append("</th><td>");
                    Node(html, value, depth + 1);
                    html.Append("</td></tr>");
                }

                html.Append("</tbody></table>");
                break;
            case JsonArray array when depth < MaxDepth && array.Count > 0 && array.All(a => a is JsonObject):
                var columns = array.SelectMany(a => ((JsonObject)a!).Select(p => p.Key)).Distinct(StringComparer.Ordinal).ToList();
                html.Append("<table><thead><tr>");
                columns.ForEach(c => html.Append("<th>").Append(E(c)).Append("</th>"));
                html.Append("</tr></thead><tbody>");
                foreach (var item in array.Cast<JsonObject>())
                {
                    html.Append("<tr>");
                    foreach (var column in columns)
                    {
                        html.Append("<td>");
                        Node(html, item[column], depth + 1);
                        html.Append("</td>");
                    }

                    html.Append("</tr>");
                }

                html.Append("</tbody></table>");
                break;
            case JsonValue value:
                html.Append(E(value.ToString()));
                break;
            default:
                html.Append("<code>").Append(E(node.ToJsonString())).Append("</code>");
                break;
        }
    }
}
