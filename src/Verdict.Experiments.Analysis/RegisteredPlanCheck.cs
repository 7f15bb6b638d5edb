using Verdict.Experiments.Analysis.Evidence;
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

        var evidence = new RegisteredPlanEvidence(problem);
        var step = new IntegrityOutcome([Check(evidence)], [new(ReasonCodes.RegisteredPlan, LaunchDecision.Invalid, evidence)], report.SrmPValue, null);
        var (decision, reasons) = DecisionRules.Decide([.. step.Reasons, .. report.DecisionReasons], null);
        return report with
        {
            Decision = decision,
            Steps = [step, .. report.Steps],
            DecisionReasons = reasons,
        };
    }

    /// <summary>The failed "registered plan" integrity check for <paramref name="evidence"/>.</summary>
    public static AnalysisCheck Check(RegisteredPlanEvidence evidence) =>
        new(IntegrityChecks.Step, Name, CheckStatus.Fail, evidence, ReasonCodes.RegisteredPlan);
}
