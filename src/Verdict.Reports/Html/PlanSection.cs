using System.Globalization;
using System.Text;
using Verdict.Experiments.Locking;
using Verdict.Reports.Text;
using static Verdict.Reports.Html.Html;

namespace Verdict.Reports.Html;

/// <summary>The registered plan: sizes, error rates, design, the launch rule, and the lock hash it was registered under.</summary>
internal static class PlanSection
{
    public static void Write(StringBuilder html, ReportContent content)
    {
        var (brief, plan) = (content.Brief, content.Plan);
        var a = brief.Analysis;
        html.Append("<section id=\"plan\"><h2>Registered plan</h2><table class=\"plan\"><tbody>");
        Row(html, "hypothesis", E(brief.Hypothesis.Trim()));
        Row(html, "owner", E(brief.Owner));
        Row(html, "change", $"<code>{E(brief.Change.Field)}</code> {E(brief.Change.Description)}");
        Row(html, "primary metric", $"<code>{E(brief.PrimaryMetric)}</code>, MDE {E(a.Mde.ToString())}, minimum ship lift {E(a.MinimumShipLift.ToString())}");
        Row(html, "error rates", string.Create(CultureInfo.InvariantCulture, $"α {a.Alpha}, power {a.Power}, secondary correction {MetricFormat.Name(a.SecondaryCorrection)}, SRM alarm p &lt; {a.SrmPValue}"));
        Row(html, "design", E(MetricFormat.Name(a.Design)) + (a.Looks.Count > 0 ? E($", looks {string.Join(", ", a.Looks.Select(l => l.ToString(CultureInfo.InvariantCulture)))}, spending {a.Spending}") : string.Empty));
        Row(html, "units per arm", plan.Arms.Count > 0
            ? E(string.Join(", ", plan.Arms.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Name} {x.Units:N0} ({x.Weight:0.##})")))) + (plan.Method is { } m ? $" <span class=\"muted\">{E(m)}</span>" : string.Empty)
            : "not computable");
        if (plan.DurationDays is { } days)
        {
            Row(html, "duration", string.Create(CultureInfo.InvariantCulture, $"{days} days at {plan.EnrolledPerDay:N0} enrolled a day"));
        }

        Row(html, "guardrails", E(string.Join("; ", brief.Guardrails.Select(g => $"{g.Metric} ({MetricFormat.Name(g.Harmful)} is harmful, budget {g.Budget?.ToString() ?? "none"}, {MetricFormat.Name(g.Rule)})"))));
        Row(html, "segments", E(string.Join(", ", brief.Segments.Select(s => s.Name + (s.Critical ? " (critical)" : string.Empty)))));
        foreach (var note in plan.Notes)
        {
            Row(html, "note", E(note));
        }

        html.Append("</tbody></table>");
        var status = content.LockStatus;
        var statusText = status switch
        {
            LockStatus.Matches => "the brief matches its lock",
            LockStatus.Missing => "no lock found: this brief was never planned",
            LockStatus.NewVersion => "the brief is a newer version than its lock",
            LockStatus.ChangedInPlace => "the brief CHANGED since it was locked",
            _ => "the lock belongs to another experiment or a later version",
        };
        html.Append("<div class=\"lock ").Append(status == LockStatus.Matches ? "lock-ok" : "lock-bad").Append("\" data-lock-status=\"").Append(Css(status.ToString())).Append("\">");
        html.Append("<strong>Lock:</strong> ").Append(E(statusText)).Append(". ");
        if (content.Lock is { } locked)
        {
            html.Append("sha256 <code id=\"lock-hash\">").Append(E(locked.Hash)).Append("</code> (").Append(E(locked.Algorithm)).Append(", salt <code>").Append(E(locked.Salt)).Append("</code>)");
        }

        if (content.Lock?.Hash != content.BriefHash)
        {
            html.Append("; the brief now hashes to <code id=\"brief-hash\">").Append(E(content.BriefHash)).Append("</code>");
        }

        html.Append("</div><details><summary>Canonical form of the brief (what the hash covers)</summary><pre>")
            .Append(E(BriefCanonicalForm.Json(brief))).Append("</pre></details></section>");
    }

    private static void Row(StringBuilder html, string name, string valueHtml) =>
        html.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(valueHtml).Append("</td></tr>");
}
