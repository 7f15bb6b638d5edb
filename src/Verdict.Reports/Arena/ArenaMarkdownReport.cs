using System.Globalization;
using System.Text;
using Verdict.Arena.Analysis;
using static Verdict.Reports.Arena.ArenaText;

namespace Verdict.Reports.Arena;

/// <summary>The arena's results as Markdown: gate, variants, paired comparisons, duel, calibration, notes and cases.</summary>
public static class ArenaMarkdownReport
{
    /// <summary>Renders <paramref name="result"/>.</summary>
    public static string Render(ArenaResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        var ci = Confidence(result);
        md.AppendLine(CultureInfo.InvariantCulture, $"# Prompt Arena: {result.Name}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{result.Treatment} against control {result.Control} on {result.Cases} golden cases. Gate: **{(result.Gate.Passed ? "PASS" : "FAIL")}**.");
        md.AppendLine();
        md.AppendLine("## Gate");
        md.AppendLine();
        md.AppendLine("| rule | result | detail |");
        md.AppendLine("|---|---|---|");
        foreach (var rule in result.Gate.Rules)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {rule.Rule} | {(rule.Passed ? "pass" : "FAIL")} | {rule.Detail} |");
        }

        var metrics = result.Variants[0].Metrics.Select(m => m.Metric).ToList();
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Variants (mean, {ci} CI)");
        md.AppendLine();
        md.AppendLine("| variant | " + string.Join(" | ", metrics) + " | checks passed | errors | mean latency ms |");
        md.AppendLine("|---|" + string.Concat(metrics.Select(_ => "---|")) + "---|---|---|");
        foreach (var variant in result.Variants)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {variant.Name} | {string.Join(" | ", variant.Metrics.Select(Mean))} | {Checks(variant)} | {variant.Errors} | {Number(variant.MeanLatencyMs, "0")} |");
        }

        foreach (var comparison in result.Comparisons)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {comparison.Treatment} − {comparison.Control} (paired)");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"| metric | n | difference | {ci} CI (paired t) | bootstrap CI | p ({(comparison.Axes.Count > 0 ? comparison.Axes[0].Test : null)}) | p (sign) | BH-adjusted p | cases needed |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var axis in comparison.Axes)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {axis.Metric} | {axis.Count} | {Signed(axis.MeanDifference)} | {Interval(axis.CiLow, axis.CiHigh)} | {Interval(axis.BootstrapCiLow, axis.BootstrapCiHigh)} | {P(axis.PValue)} | {P(axis.PValueSign)} | {P(axis.AdjustedPValue)} | {Number(axis.CasesNeeded, "0")} |");
            }

            if (comparison.Pairwise is { } duel)
            {
                md.AppendLine();
                md.AppendLine("Pairwise (judged in both orders): " + Duel(duel, ci));
            }
        }

        if (result.Calibration is { } cal)
        {
            md.AppendLine();
            md.AppendLine("## Judge calibration");
            md.AppendLine();
            foreach (var line in Calibration(cal))
            {
                md.AppendLine("- " + line);
            }
        }

        if (result.RubricCalibration is { } rubric)
        {
            md.AppendLine();
            md.AppendLine(RubricAgreement(rubric));
        }

        if (result.Notes.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Notes");
            md.AppendLine();
            foreach (var note in result.Notes)
            {
                md.AppendLine("- " + note);
            }
        }

        md.AppendLine();
        md.AppendLine("## Cases");
        md.AppendLine();
        md.AppendLine("| case | " + string.Join(" | ", result.Variants.Select(v => v.Name)) + " | duel |");
        md.AppendLine("|---|" + string.Concat(result.Variants.Select(_ => "---|")) + "---|");
        foreach (var c in result.Run.Cases)
        {
            var scores = c.Variants.Select(v => v.Rubric is null ? (v.Errors.Count > 0 ? "error" : "—") : "(" + string.Join(", ", result.Run.Axes.Select(a => v.Rubric[a].Score)) + ")");
            var duel = c.Pairwise.TryGetValue(result.Treatment, out var j) ? Outcome(j, result.Control, result.Treatment) : "—";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Case.Id} | {string.Join(" | ", scores)} | {duel} |");
        }

        md.AppendLine();
        md.AppendLine(Calls(result.Calls));
        return md.ToString();
    }
}
