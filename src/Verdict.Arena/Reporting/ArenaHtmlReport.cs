using System.Globalization;
using System.Net;
using System.Text;
using static Verdict.Arena.Reporting.ReportText;

namespace Verdict.Arena.Reporting;

/// <summary>
/// A self-contained HTML report (inline CSS, no scripts, no network): the Markdown report's tables plus every case
/// side by side with each variant's output, rubric scores and reasons, checks, and the judge's reasons in both orders.
/// </summary>
public static class ArenaHtmlReport
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1200px;color:#1b1f24;line-height:1.45}
        table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}th,td{border:1px solid #d0d7de;padding:.35rem .55rem;vertical-align:top;text-align:left}
        th{background:#f6f8fa}.pass{color:#1a7f37;font-weight:600}.fail{color:#cf222e;font-weight:600}
        .case{border:1px solid #d0d7de;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}.case h3{margin:.2rem 0 .6rem}
        .side{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1rem}pre{white-space:pre-wrap;background:#f6f8fa;padding:.5rem;border-radius:4px;margin:.3rem 0}
        .muted{color:#57606a;font-size:.9em}
        """;

    /// <summary>Renders <paramref name="result"/>.</summary>
    public static string Render(ArenaResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = new StringBuilder();
        var ci = (1 - result.Alpha).ToString("0%", CultureInfo.InvariantCulture);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Prompt Arena: ").Append(E(result.Name))
            .Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>Prompt Arena: ").Append(E(result.Name)).Append("</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(result.Treatment)} against control {E(result.Control)} on {result.Cases} golden cases. Gate: ")
            .Append(Verdict(result.Gate.Passed, "PASS", "FAIL")).Append("</p>");

        html.Append("<h2>Gate</h2><table><tr><th>rule</th><th>result</th><th>detail</th></tr>");
        foreach (var rule in result.Gate.Rules)
        {
            html.Append("<tr><td>").Append(E(rule.Rule)).Append("</td><td>").Append(Verdict(rule.Passed, "pass", "fail")).Append("</td><td>").Append(E(rule.Detail)).Append("</td></tr>");
        }

        html.Append("</table>");
        var metrics = result.Variants[0].Metrics.Select(m => m.Metric).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<h2>Variants (mean, {ci} CI)</h2><table><tr><th>variant</th>");
        foreach (var metric in metrics)
        {
            html.Append("<th>").Append(E(metric)).Append("</th>");
        }

        html.Append("<th>checks passed</th><th>errors</th><th>receipt</th></tr>");
        foreach (var variant in result.Variants)
        {
            html.Append("<tr><td>").Append(E(variant.Name)).Append("</td>");
            foreach (var metric in variant.Metrics)
            {
                html.Append("<td>").Append(E(Mean(metric))).Append("</td>");
            }

            var r = variant.Receipt;
            html.Append(CultureInfo.InvariantCulture, $"<td>{variant.Checks.Sum(c => c.Passed)}/{variant.Checks.Sum(c => c.Total)}</td><td>{variant.Errors}</td>")
                .Append("<td class=\"muted\">").Append(E($"{r.ModelId}, prompt {r.PromptVersion ?? "?"} ({r.PromptHash[..15]}…), T={Number(r.Temperature, "0.##")}, seed {r.Seed?.ToString(CultureInfo.InvariantCulture) ?? "none"}"))
                .Append("</td></tr>");
        }

        html.Append("</table>");
        foreach (var comparison in result.Comparisons)
        {
            html.Append("<h2>").Append(E($"{comparison.Treatment} − {comparison.Control} (paired)")).Append("</h2>");
            html.Append(CultureInfo.InvariantCulture, $"<table><tr><th>metric</th><th>n</th><th>difference</th><th>{ci} CI (paired t)</th><th>bootstrap CI</th><th>p</th><th>p (sign)</th><th>BH-adjusted p</th><th>cases needed</th></tr>");
            foreach (var a in comparison.Axes)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(a.Metric)}</td><td>{a.Count}</td><td>{Signed(a.MeanDifference)}</td><td>{Interval(a.CiLow, a.CiHigh)}</td><td>{Interval(a.BootstrapCiLow, a.BootstrapCiHigh)}</td><td>{P(a.PValue)} ({E(a.Test)})</td><td>{P(a.PValueSign)}</td><td>{P(a.AdjustedPValue)}</td><td>{Number(a.CasesNeeded, "0")}</td></tr>");
            }

            html.Append("</table>");
            if (comparison.Pairwise is { } duel)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<p>Pairwise, judged in both orders: {duel.Wins} wins, {duel.Losses} losses, {duel.Ties} ties → win rate <b>{Percent(duel.WinRate)}</b>, Wilson {ci} CI {Interval(duel.CiLow, duel.CiHigh, "0%")}; position-inconsistent {duel.PositionInconsistent}.</p>");
            }
        }

        if (result.Calibration is { } cal)
        {
            html.Append("<h2>Judge calibration</h2><ul>")
                .Append(CultureInfo.InvariantCulture, $"<li>human labels {cal.LabelledCases}; agreement {Number(cal.Agreement, "0.0%")}; Cohen's κ {Number(cal.Kappa)} {Interval(cal.KappaCiLow, cal.KappaCiHigh)}</li>")
                .Append(CultureInfo.InvariantCulture, $"<li>position inconsistency {Number(cal.PositionInconsistencyRate, "0%")}</li>")
                .Append(CultureInfo.InvariantCulture, $"<li>length bias: longer answer won {cal.LengthBias.LongerWon} of {cal.LengthBias.DecisiveDuels} decisive duels (sign test p {P(cal.LengthBias.PValue)})</li>")
                .Append("<li>decision: <b>").Append(E(cal.Decision)).Append("</b></li></ul>");
        }

        if (result.RubricCalibration is { } rubric)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p>Rubric judge against {rubric.Labels} human scores: exact agreement {Number(rubric.ExactAgreement, "0.0%")}, within one point {Number(rubric.WithinOneAgreement, "0.0%")}, κ {Number(rubric.Kappa)} {Interval(rubric.KappaCiLow, rubric.KappaCiHigh)}, judge − human {Signed(rubric.MeanJudgeMinusHuman)} points.</p>");
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

        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"muted\">Calls: {result.Calls.NetworkCalls} network, {result.Calls.CacheHits} from cache or replay, {result.Calls.Retries} retries, {result.Calls.Errors} errors, spend {Number(result.Calls.Spend, "0.0000")}.</p>");
        html.Append("</body></html>");
        return html.ToString();
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
                html.Append("<table><tr><th>axis</th><th>score</th><th>reason</th></tr>");
                foreach (var axis in result.Run.Axes)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(axis)}</td><td>{rubric[axis].Score}</td><td>{E(rubric[axis].Reason)}</td></tr>");
                }

                html.Append("</table>");
            }

            foreach (var check in v.Checks)
            {
                html.Append("<div>").Append(Verdict(check.Passed, "✓", "✗")).Append(' ').Append(E(check.Name))
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
                .Append(E(ReportText.Outcome(duel, result.Control, challenger)))
                .Append("<br><span class=\"muted\">").Append(E($"{result.Control} shown first → {duel.ControlFirst}: {duel.ControlFirstReason}")).Append("<br>")
                .Append(E($"{challenger} shown first → {duel.TreatmentFirst}: {duel.TreatmentFirstReason}")).Append("</span></p>");
        }

        html.Append("</div>");
    }

    private static string Verdict(bool passed, string yes, string no) =>
        passed ? $"<span class=\"pass\">{yes}</span>" : $"<span class=\"fail\">{no}</span>";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
