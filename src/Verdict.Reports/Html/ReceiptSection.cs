using System.Text;
using Verdict.Experiments.Briefs;
using static Verdict.Reports.Html.Html;

namespace Verdict.Reports.Html;

/// <summary>Each arm's receipt side by side: the declared change in one colour, any other difference in red.</summary>
internal static class ReceiptSection
{
    public static void Write(StringBuilder html, ExperimentBrief brief)
    {
        var flat = brief.Arms.Select(a => a.Receipt.Flatten()).ToList();
        var paths = flat.SelectMany(f => f.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        html.Append("<section id=\"receipts\"><h2>Receipts</h2>");
        html.Append("<p>What each arm pins. Only <code>").Append(E(brief.Change.Field)).Append("</code> may differ; ")
            .Append("<span class=\"declared\">declared change</span>, <span class=\"unexpected\">unexpected difference</span>.</p>");
        html.Append("<table class=\"receipts\"><thead><tr><th>field</th>");
        foreach (var arm in brief.Arms)
        {
            html.Append("<th>").Append(E(arm.Name)).Append(arm.IsControl ? " (control)" : string.Empty).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var path in paths)
        {
            var values = flat.Select(f => f.GetValueOrDefault(path)).ToList();
            var differs = values.Distinct(StringComparer.Ordinal).Count() > 1;
            var kind = !differs ? "same" : Receipt.IsUnder(path, brief.Change.Field) ? "declared" : "unexpected";
            html.Append("<tr class=\"").Append(kind).Append("\" data-path=\"").Append(E(path)).Append("\"><td><code>").Append(E(path)).Append("</code></td>");
            foreach (var value in values)
            {
                html.Append("<td>").Append(value is null ? "<span class=\"absent\">—</span>" : E(value)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></section>");
    }
}
