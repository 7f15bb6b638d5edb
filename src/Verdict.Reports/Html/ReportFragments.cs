using System.Text;
using Verdict.Reports.Charts;

namespace Verdict.Reports.Html;

/// <summary>
/// Pieces of the HTML report for pages that embed them (the server's dashboard): the same chart markup, plan section
/// and style sheet as <see cref="HtmlReport"/>, so the report and the dashboard have one chart code path.
/// </summary>
public static class ReportFragments
{
    /// <summary>The report's inline style sheet (system fonts, no external resources).</summary>
    public static string Css => ReportStyle.Css;

    /// <summary>One chart as the report draws it: a figure with its id, <c>data-series</c>, the inline SVG and its caption.</summary>
    public static string Chart(ReportChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var html = new StringBuilder(64 * 1024);
        HtmlReport.Chart(html, chart, "figure");
        return html.ToString();
    }

    /// <summary>The registered plan with its lock hash, as the report's "Registered plan" section.</summary>
    public static string Plan(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var html = new StringBuilder(8 * 1024);
        PlanSection.Write(html, content);
        return html.ToString();
    }
}
