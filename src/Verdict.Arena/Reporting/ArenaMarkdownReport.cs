using System.Globalization;
using System.Text;
using static Verdict.Arena.Reporting.ReportText;

namespace Verdict.Arena.Reporting;

/// <summary>The arena's results as Markdown: gate, variants, paired comparisons, duel, calibration, notes and cases.</summary>
public static class ArenaMarkdownReport
{
    /// <summary>Renders <paramref name="result"/>.</summary>
    public static string Render(ArenaResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        var ci = (1 - result.Alpha).ToString("0%", CultureInfo.InvariantCulture);
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
            var checks = variant.Checks.Count == 0 ? "—" : $"{variant.Checks.Sum(c => c.Passed)}/{variant.Checks.Sum(c => c.Total)}";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {variant.Name} | {string.Join(" | ", variant.Metrics.Select(Mean))} | {checks} | {variant.Errors} | {Number(variant.MeanLatencyMs, "0")} |");
        }

        foreach (var comparison in result.Comparisons)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {comparison.Treatment} − {comparison.Control} (paired)");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"| metric | n | difference | {ci} CI (paired t) | bootstrap CI | p ({comparison.Axes.FirstOrDefault()?.Test}) | p (sign) | BH-adjusted p | cases needed |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var axis in comparison.Axes)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {axis.Metric} | {axis.Count} | {Signed(axis.MeanDifference)} | {Interval(axis.CiLow, axis.CiHigh)} | {Interval(axis.BootstrapCiLow, axis.BootstrapCiHigh)} | {P(axis.PValue)} | {P(axis.PValueSign)} | {P(axis.AdjustedPValue)} | {Number(axis.CasesNeeded, "0")} |");
            }

            if (comparison.Pairwise is { } duel)
            {
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"Pairwise (judged in both orders): {duel.Wins} wins, {duel.Losses} losses, {duel.Ties} ties → win rate **{Percent(duel.WinRate)}**, Wilson {ci} CI {Interval(duel.CiLow, duel.CiHigh, "0%")}; position-inconsistent in {duel.PositionInconsistent} of {duel.Wins + duel.Losses + duel.Ties}.");
            }
        }

        if (result.Calibration is { } cal)
        {
            md.AppendLine();
            md.AppendLine("## Judge calibration");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"- human labels: {cal.LabelledCases}; agreement {Number(cal.Agreement, "0.0%")}; Cohen's κ {Number(cal.Kappa)} {Interval(cal.KappaCiLow, cal.KappaCiHigh)}");
            md.AppendLine(CultureInfo.InvariantCulture, $"- position inconsistency: {Number(cal.PositionInconsistencyRate, "0%")}");
            md.AppendLine(CultureInfo.InvariantCulture, $"- length bias: the longer answer won {cal.LengthBias.LongerWon} of {cal.LengthBias.DecisiveDuels} decisive duels (sign test p {P(cal.LengthBias.PValue)})");
            md.AppendLine(CultureInfo.InvariantCulture, $"- policy minimum: {(cal.MinimumAgreement is { } m ? Number(m, "0.0%") : "none")}; decision: **{cal.Decision}**");
        }

        if (result.RubricCalibration is { } rubric)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Rubric judge against {rubric.Labels} human scores: exact agreement {Number(rubric.ExactAgreement, "0.0%")}, within one point {Number(rubric.WithinOneAgreement, "0.0%")}, κ {Number(rubric.Kappa)} {Interval(rubric.KappaCiLow, rubric.KappaCiHigh)}, judge − human {Signed(rubric.MeanJudgeMinusHuman)} points on average.");
        }

        if (result.Notes.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Notes");
            md.AppendLine();
            foreach (var note in result.Notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
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
            var duel = c.Pairwise.TryGetValue(result.Treatment, out var j) ? ReportText.Outcome(j, result.Control, result.Treatment) : "—";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Case.Id} | {string.Join(" | ", scores)} | {duel} |");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Calls: {result.Calls.NetworkCalls} network, {result.Calls.CacheHits} from cache or replay, {result.Calls.Retries} retries, {result.Calls.Errors} errors, spend {Number(result.Calls.Spend, "0.0000")}.");
        return md.ToString();
    }
}
