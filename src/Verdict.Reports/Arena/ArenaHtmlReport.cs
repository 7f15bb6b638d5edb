using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Verdict.Arena.Analysis;
using Verdict.Arena.Running;
using Verdict.Reports.Html;
using static Verdict.Reports.Arena.ArenaText;
using static Verdict.Reports.Html.Html;

namespace Verdict.Reports.Arena;

/// <summary>
/// A self-contained HTML report (the reports' page shell and style sheet, no scripts, no network): the Markdown
/// report's tables plus every case side by side with each variant's output, rubric scores and reasons, checks, and the
/// judge's reasons in both orders.
/// </summary>
public static partial class ArenaHtmlReport
{
    /// <summary>What the arena page adds to the report's style sheet: pass/fail marks and cases side by side.</summary>
    private const string ArenaCss = """
.pass{color:#1a7f37;font-weight:600}.fail{color:#c62828;font-weight:600}
.case{background:#fff;border:1px solid #dde0e5;border-radius:6px;padding:10px 14px;margin:14px 0}.case h3{margin:2px 0 8px;font-size:16px}
.side{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:12px}
.case pre{word-break:normal;overflow-wrap:anywhere;font-family:inherit;font-size:14px}
""";

    /// <summary>Renders <paramref name="result"/>.</summary>
    public static string Render(ArenaResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = new StringBuilder(64 * 1024);
        var ci = Confidence(result);
        HtmlPage.Open(html, $"Prompt Arena: {result.Name}", ArenaCss);
        html.Append("<header><h1>Prompt Arena: ").Append(E(result.Name)).Append("</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{E(result.Treatment)} against control {E(result.Control)} on {result.Cases} golden cases. Gate: ")
            .Append(Mark(result.Gate.Passed, "PASS", "FAIL")).Append("</p></header>");

        html.Append("<h2>Gate</h2><table><thead><tr><th>rule</th><th>result</th><th>detail</th></tr></thead><tbody>");
        foreach (var rule in result.Gate.Rules)
        {
            html.Append("<tr><td>").Append(E(rule.Rule)).Append("</td><td>").Append(Mark(rule.Passed, "pass", "fail")).Append("</td><td>").Append(E(rule.Detail)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        Variants(html, result, ci);
        foreach (var comparison in result.Comparisons)
        {
            html.Append("<h2>").Append(E($"{comparison.Treatment} − {comparison.Control} (paired)")).Append("</h2>");
            html.Append(CultureInfo.InvariantCulture, $"<table><thead><tr><th>metric</th><th>n</th><th>difference</th><th>{ci} CI (paired t)</th><th>bootstrap CI</th><th>p</th><th>p (sign)</th><th>BH-adjusted p</th><th>cases needed</th></tr></thead><tbody>");
            foreach (var a in comparison.Axes)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(a.Metric)}</td><td>{a.Count}</td><td>{Signed(a.MeanDifference)}</td><td>{Interval(a.CiLow, a.CiHigh)}</td><td>{Interval(a.BootstrapCiLow, a.BootstrapCiHigh)}</td><td>{E(P(a.PValue))} ({E(a.Test)})</td><td>{E(P(a.PValueSign))}</td><td>{E(P(a.AdjustedPValue))}</td><td>{Number(a.CasesNeeded, "0")}</td></tr>");
            }

            html.Append("</tbody></table>");
            if (comparison.Pairwise is { } duel)
            {
                html.Append("<p>Pairwise, judged in both orders: ").Append(Strong(Duel(duel, ci))).Append("</p>");
            }
        }

        if (result.Calibration is { } cal)
        {
            html.Append("<h2>Judge calibration</h2><ul>");
            foreach (var line in Calibration(cal))
            {
                html.Append("<li>").Append(Strong(line)).Append("</li>");
            }

            html.Append("</ul>");
        }

        if (result.RubricCalibration is { } rubric)
        {
            html.Append("<p>").Append(E(RubricAgreement(rubric))).Append("</p>");
        }

        if (result.Notes.Count > 0)
        {
            html.Append("<h2>Notes</h2><ul>");
            foreach (var note in result.Notes)
            {
                html.Append("<li>").Append(E(note)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<h2>Cases</h2>");
        foreach (var c in result.Run.Cases)
        {
            AppendCase(html, result, c);
        }

        html.Append("<footer>").Append(E(Calls(result.Calls))).Append("</footer>");
        HtmlPage.Close(html);
        return html.ToString();
    }

    private static void Variants(StringBuilder html, ArenaResult result, string ci)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>Variants (mean, {ci} CI)</h2><table><thead><tr><th>variant</th>");
        foreach (var metric in result.Variants[0].Metrics)
        {
            html.Append("<th>").Append(E(metric.Metric)).Append("</th>");
        }

        html.Append("<th>checks passed</th><th>errors</th><th>receipt</th></tr></thead><tbody>");
        foreach (var variant in result.Variants)
        {
            html.Append("<tr><td>").Append(E(variant.Name)).Append("</td>");
            foreach (var metric in variant.Metrics)
            {
                html.Append("<td>").Append(E(Mean(metric))).Append("</td>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<td>{E(Checks(variant))}</td><td>{variant.Errors}</td>")
                .Append("<td class=\"muted\">").Append(E(Receipt(variant.Receipt))).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void AppendCase(StringBuilder html, ArenaResult result, CaseResult c)
    {
        html.Append("<div class=\"case\"><h3>").Append(E(c.Case.Id)).Append(": ").Append(E(c.Case.Input)).Append("</h3>");
        if (c.Case.Reference is { } reference)
        {
            html.Append("<div class=\"muted\">reference: ").Append(E(reference)).Append("</div>");
        }

        html.Append("<div class=\"side\">");
        foreach (var v in c.Variants)
        {
            html.Append("<div><b>").Append(E(v.Variant)).Append("</b><pre>").Append(E(v.Reply.Text)).Append("</pre>");
            if (v.Rubric is { } rubric)
            {
                html.Append("<table><thead><tr><th>axis</th><th>score</th><th>reason</th></tr></thead><tbody>");
                foreach (var axis in result.Run.Axes)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(axis)}</td><td>{rubric[axis].Score}</td><td>{E(rubric[axis].Reason)}</td></tr>");
                }

                html.Append("</tbody></table>");
            }

            foreach (var check in v.Checks)
            {
                html.Append("<div>").Append(Mark(check.Passed, "✓", "✗")).Append(' ').Append(E(check.Name))
                    .Append(check.Detail is null ? "" : $" <span class=\"muted\">{E(check.Detail)}</span>").Append("</div>");
            }

            if (v.Similarity is { } similarity)
            {
                html.Append("<div>similarity ").Append(Number(similarity, "0.000")).Append("</div>");
            }

            foreach (var error in v.Errors)
            {
                html.Append("<div class=\"fail\">").Append(E(error)).Append("</div>");
            }

            html.Append("</div>");
        }

        html.Append("</div>");
        foreach (var (challenger, duel) in c.Pairwise)
        {
            html.Append("<p><b>Duel ").Append(E($"{challenger} vs {result.Control}")).Append(":</b> ")
                .Append(E(Outcome(duel, result.Control, challenger)))
                .Append("<br><span class=\"muted\">").Append(E($"{result.Control} shown first → {duel.ControlFirst}: {duel.ControlFirstReason}")).Append("<br>")
                .Append(E($"{challenger} shown first → {duel.TreatmentFirst}: {duel.TreatmentFirstReason}")).Append("</span></p>");
        }

        html.Append("</div>");
    }

    private static string Mark(bool passed, string yes, string no) =>
        passed ? $"<span class=\"pass\">{yes}</span>" : $"<span class=\"fail\">{no}</span>";

    /// <summary>Encodes Markdown-ish text and turns its <c>**bold**</c> spans into <c>&lt;b&gt;</c>.</summary>
    private static string Strong(string text) => BoldSpan().Replace(E(text), "<b>$1</b>");

    [GeneratedRegex(@"\*\*(.+?)\*\*", RegexOptions.CultureInvariant)]
    private static partial Regex BoldSpan();
}
