using Verdict.Experiments.Analysis.Outcomes;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// Contract 3 (DESIGN.md): the brief analysed must be the registered plan. An analysis run on a brief that differs from
/// its lock, or has none, is exploratory: it carries a failed integrity check naming why, and its verdict is INVALID,
/// so it can never read SHIP (docs/analysis.md, "The registered plan").
/// </summary>
public static class RegisteredPlanCheck
{
    /// <summary>The check's name in every output.</summary>
    public const string Name = "registered plan";

    /// <summary>
    /// <paramref name="report"/> unchanged when <paramref name="problem"/> is null; otherwise with a failed
    /// "registered plan" check first and the verdict INVALID with that reason first.
    /// </summary>
    public static AnalysisReport Apply(AnalysisReport report, string? problem)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (problem is null)
        {
            return report;
        }

        var check = new AnalysisCheck(IntegrityChecks.Step, Name, CheckStatus.Fail, problem + " (analysed with --unlocked: exploratory, cannot ship)", ReasonCodes.RegisteredPlan);
        var step = new IntegrityOutcome([check], [new(ReasonCodes.RegisteredPlan, LaunchDecision.Invalid, $"{Name}: {problem}")], report.SrmPValue, null);
        var (decision, reasons) = DecisionRules.Decide([.. step.Reasons, .. report.DecisionReasons], null);
        return report with
        {
            Decision = decision,
            Steps = [step, .. report.Steps],
            DecisionReasons = reasons,
        };
    }
}
