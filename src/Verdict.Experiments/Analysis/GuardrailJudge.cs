using Verdict.Statistics;

namespace Verdict.Experiments.Analysis;

/// <summary>Step 3: each guardrail against its budget, by the brief's rule (non-inferiority bound or observed delta).</summary>
internal static class GuardrailJudge
{
    public const string Step = "guardrails";

    public static GuardrailOutcome? Judge(ExperimentBrief brief, Guardrail guardrail, MetricComparison? comparison, List<AnalysisCheck> checks, string? absence = null)
    {
        var name = guardrail.Metric;
        if (comparison is null || !comparison.Lift.IsAvailable)
        {
            checks.Add(new AnalysisCheck(Step, name, CheckStatus.Fail, "no data to judge this guardrail: " + (absence ?? Reasons(comparison))));
            return null;
        }

        if (guardrail.Budget is not { } budget)
        {
            checks.Add(new AnalysisCheck(Step, name, CheckStatus.Warn, $"no budget registered; observed {MetricFormat.Delta(comparison.Lift.Absolute.Value, comparison.Unit)} is reported but not judged"));
            return null;
        }

        var relative = budget.IsRelative;
        var estimate = relative ? comparison.Lift.Relative : comparison.Lift.Absolute;
        var increase = guardrail.Harmful == HarmfulDirection.Increase;
        var margin = increase ? budget.Value : -budget.Value;
        var alpha = guardrail.Alpha ?? brief.Analysis.Alpha;
        double bound;
        bool passed;
        string how;
        if (guardrail.Rule == GuardrailRule.ObservedDelta)
        {
            bound = estimate.Value;
            passed = increase ? bound <= margin : bound >= margin;
            how = "observed change";
        }
        else
        {
            var test = NonInferiority.Test(estimate, margin, increase ? NonInferiorityDirection.IncreaseIsBad : NonInferiorityDirection.DecreaseIsBad, alpha);
            bound = test.Bound;
            passed = test.Passed;
            how = $"one-sided {MetricFormat.Confidence(alpha)} {(increase ? "upper" : "lower")} bound";
        }

        string Show(double v) => relative ? MetricFormat.Relative(v) : MetricFormat.Delta(v, comparison.Unit);
        var reason = $"{how} {Show(bound)} {(passed ? "within" : "breaches")} the budget {(increase ? "+" : "−")}{budget} (control {MetricFormat.Value(comparison.ControlValue, comparison.Unit)}, treatment {MetricFormat.Value(comparison.TreatmentValue, comparison.Unit)})";
        checks.Add(new AnalysisCheck(Step, name, passed ? CheckStatus.Pass : CheckStatus.Fail, reason));
        return new GuardrailOutcome(comparison, guardrail.Harmful, guardrail.Rule, budget.ToString(), margin, relative, bound, passed, reason);
    }

    internal static string Reasons(MetricComparison? comparison) =>
        comparison is null ? "the metric has no cells" : string.Join("; ", comparison.Lift.Diagnostics.Select(d => d.Message));
}
