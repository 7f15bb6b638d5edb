using System.Globalization;
using Verdict.Arena.Analysis;
using Verdict.Arena.Configuration;
using Verdict.Arena.Running;

namespace Verdict.Arena.Gate;

/// <summary>
/// Applies the gate's rules to the treatment's comparison with the control. Judge-based evidence (rubric axes and
/// the duel) counts only when the judge's agreement with humans meets <c>min_judge_agreement</c>.
/// </summary>
public static class ArenaGate
{
    /// <summary>Evaluates every rule; the gate passes when all do.</summary>
    public static GateOutcome Evaluate(ArenaSpec spec, ArenaRun run, VariantSummary treatment, VariantComparison comparison, JudgeCalibration? calibration)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(treatment);
        ArgumentNullException.ThrowIfNull(comparison);
        var rules = new List<RuleOutcome>();
        var judgeCounts = true;
        if (spec.Gate.MinJudgeAgreement is { } minimum)
        {
            judgeCounts = calibration is { LabelledCases: > 0 } c && c.Agreement >= minimum;
            var detail = calibration is null ? "no pairwise judge ran, so the judge was not calibrated"
                : calibration.LabelledCases == 0 ? "no human labels to calibrate against"
                : F($"{calibration.Agreement:0.0%} agreement on {calibration.LabelledCases} labels (κ {calibration.Kappa:0.00}): {calibration.Decision}");
            rules.Add(new RuleOutcome(F($"judge agrees with humans at least {minimum:0%} of the time"), judgeCounts, detail));
        }

        var judgeMetrics = run.Axes.ToHashSet(StringComparer.Ordinal);
        const string Untrusted = "judge scores do not count until the judge is recalibrated";
        foreach (var rule in spec.Gate.Rules)
        {
            switch (rule.Kind)
            {
                case "better":
                {
                    var name = F($"{comparison.Treatment}'s {rule.Axis} beats {comparison.Control}'s: CI lower bound above {rule.Margin:0.###}");
                    var axis = comparison.Axes.FirstOrDefault(a => a.Metric == rule.Axis);
                    if (axis is null)
                    {
                        rules.Add(new RuleOutcome(name, false, $"no metric named {rule.Axis}"));
                    }
                    else if (!judgeCounts && judgeMetrics.Contains(axis.Metric))
                    {
                        rules.Add(new RuleOutcome(name, false, Untrusted));
                    }
                    else
                    {
                        rules.Add(new RuleOutcome(name, axis.CiLow > rule.Margin,
                            F($"difference {axis.MeanDifference:+0.00;-0.00;0.00}, {1 - spec.Statistics.Alpha:0%} CI [{axis.CiLow:0.00}, {axis.CiHigh:0.00}] over {axis.Count} cases")));
                    }

                    break;
                }

                case "not_worse":
                {
                    var considered = comparison.Axes.Where(a => judgeCounts || !judgeMetrics.Contains(a.Metric)).ToList();
                    var worse = considered.Where(a => a.AdjustedPValue < spec.Statistics.Alpha && a.MeanDifference < 0).Select(a => a.Metric).ToList();
                    var detail = worse.Count > 0 ? $"significantly worse after Benjamini–Hochberg: {string.Join(", ", worse)}"
                        : considered.Count == 0 ? "no metric counts" : $"none of {considered.Count} metrics significantly worse after Benjamini–Hochberg";
                    rules.Add(new RuleOutcome("no metric significantly worse", worse.Count == 0 && (considered.Count > 0 || comparison.Axes.Count == 0), detail));
                    break;
                }

                case "checks_pass":
                {
                    var failed = treatment.Checks.Where(c => c.Passed < c.Total).Select(c => F($"{c.Name} {c.Passed}/{c.Total}")).ToList();
                    var missing = run.Cases.Count(c => !c.Of(comparison.Treatment).Reply.Succeeded);
                    var passed = failed.Count == 0 && missing == 0;
                    var detail = passed ? F($"{treatment.Checks.Count} checks passed on every case")
                        : string.Join("; ", failed.Append(missing > 0 ? F($"{missing} cases without output") : null).OfType<string>());
                    rules.Add(new RuleOutcome($"every deterministic check passes for {comparison.Treatment}", passed, detail));
                    break;
                }

                case "win_rate":
                {
                    var name = F($"{comparison.Treatment}'s pairwise win rate: Wilson lower bound above {rule.Margin:0%}");
                    if (comparison.Pairwise is not { } duel)
                    {
                        rules.Add(new RuleOutcome(name, false, "no pairwise judge ran"));
                    }
                    else if (!judgeCounts)
                    {
                        rules.Add(new RuleOutcome(name, false, Untrusted));
                    }
                    else
                    {
                        rules.Add(new RuleOutcome(name, duel.CiLow > rule.Margin,
                            F($"win rate {duel.WinRate:0%} ({duel.Wins} wins, {duel.Losses} losses, {duel.Ties} ties), CI [{duel.CiLow:0%}, {duel.CiHigh:0%}]")));
                    }

                    break;
                }
            }
        }

        return new GateOutcome(rules.All(r => r.Passed), rules);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
