using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Experiments.Briefs;
using Verdict.Statistics.Guardrails;
using Verdict.Statistics.Inference;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// Step 3: each guardrail against its budget, by the brief's rule (non-inferiority bound or observed delta). A breach
/// argues ROLL BACK; a guardrail with no data to judge it argues HOLD.
/// </summary>
internal static class GuardrailJudge
{
    public const string Step = "guardrails";

    public static GuardrailStepOutcome Run(ExperimentBrief brief, MetricData data, string control, string treatment)
    {
        var checks = new List<AnalysisCheck>();
        var reasons = new List<DecisionReason>();
        var outcomes = new List<GuardrailOutcome>();
        foreach (var guardrail in brief.Guardrails)
        {
            var absence = MetricEvidence.Absence(brief, data, guardrail.Metric);
            var comparison = absence is null ? MetricComparer.Compare(brief, data, guardrail.Metric, control, treatment, guardrail.Alpha ?? brief.Analysis.Alpha) : null;
            var (check, outcome) = Judge(brief, guardrail, comparison, absence);
            checks.Add(check);
            if (outcome is { Passed: false })
            {
                reasons.Add(new(ReasonCodes.Guardrail, LaunchDecision.RollBack, check.Evidence));
            }
            else if (check.Code == ReasonCodes.GuardrailNoData)
            {
                reasons.Add(new(ReasonCodes.GuardrailNoData, LaunchDecision.Hold, check.Evidence));
            }

            if (outcome is not null)
            {
                outcomes.Add(outcome);
            }
        }

        return new GuardrailStepOutcome(checks, reasons, outcomes);
    }

    /// <summary>The guardrail's check, and its judgement when it has data and a budget.</summary>
    public static (AnalysisCheck Check, GuardrailOutcome? Outcome) Judge(ExperimentBrief brief, Guardrail guardrail, MetricComparison? comparison, AbsentEventsEvidence? absence = null)
    {
        var name = guardrail.Metric;
        if (comparison is null || !comparison.Lift.IsAvailable)
        {
            return (new AnalysisCheck(Step, name, CheckStatus.Fail, new NoEstimateEvidence(name, absence, comparison), ReasonCodes.GuardrailNoData), null);
        }

        if (guardrail.Budget is not { } budget)
        {
            return (new AnalysisCheck(Step, name, CheckStatus.Warn, new LiftEvidence(name, comparison.Lift.Absolute, comparison.Unit), ReasonCodes.GuardrailNoBudget), null);
        }

        var relative = budget.IsRelative;
        var estimate = relative ? comparison.Lift.Relative : comparison.Lift.Absolute;
        var increase = guardrail.Harmful == HarmfulDirection.Increase;
        var margin = increase ? budget.Value : -budget.Value;
        var alpha = guardrail.Alpha ?? brief.Analysis.Alpha;
        double bound;
        bool passed;
        if (guardrail.Rule == GuardrailRule.ObservedDelta)
        {
            bound = estimate.Value;
            passed = increase ? bound <= margin : bound >= margin;
        }
        else
        {
            var test = NonInferiority.Test(estimate, margin, increase ? NonInferiorityDirection.IncreaseIsBad : NonInferiorityDirection.DecreaseIsBad, alpha);
            bound = test.Bound;
            passed = test.Passed;
        }

        var outcome = new GuardrailOutcome(comparison, guardrail.Harmful, guardrail.Rule, budget.ToString(), margin, relative, bound, passed, alpha);
        return (new AnalysisCheck(Step, name, passed ? CheckStatus.Pass : CheckStatus.Fail, new GuardrailBudgetEvidence(outcome), ReasonCodes.Guardrail), outcome);
    }
}
