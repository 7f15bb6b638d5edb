using Verdict.Assignment.Units;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Experiments.Planning;
using Verdict.Experiments.Quantities;
using Verdict.Experiments.Yaml;

namespace Verdict.Experiments.Validation;

/// <summary>Warns about valid briefs whose design the seeds warn against (docs/brief.md, "Lint rules").</summary>
internal static class BriefLinter
{
    public static void Lint(YamlContext context, string file, ExperimentBrief brief, double? dailyUnits)
    {
        var unit = brief.Unit;
        if (unit.Randomization == RandomizationUnit.Request && (unit.Stateful || unit.Analysis != RandomizationUnit.Request))
        {
            context.WarningAt("unit.randomization", file, LintRules.RequestRandomizedConversation,
                $"randomized per request but {(unit.Stateful ? "the feature is stateful" : $"analysed per {unit.Analysis.ToString().ToLowerInvariant()}")}: one conversation can see both arms and its turns interfere; randomize by conversation or account");
        }

        for (var i = 0; i < brief.Guardrails.Count; i++)
        {
            if (brief.Guardrails[i].Budget is null)
            {
                context.WarningAt($"guardrails[{i}]", file, LintRules.GuardrailWithoutBudget,
                    $"guardrail {brief.Guardrails[i].Metric} has no budget, so no regression can fail it");
            }
        }

        foreach (var metric in brief.Metrics.Values.Where(m => m.Covariate is not null))
        {
            var covariate = metric.Covariate!;
            if (covariate.Period == CovariatePeriod.PostExposure || covariate.Lookback <= TimeSpan.Zero)
            {
                context.WarningAt($"metrics.{metric.Name}.covariate", file, LintRules.PostTreatmentCovariate,
                    $"CUPED covariate {covariate.Metric} is not measured before exposure; the treatment can move it and bias the estimate");
            }
        }

        if (brief.Arms.Count(a => a.IsControl) == 1)
        {
            var control = brief.Control;
            for (var i = 0; i < brief.Arms.Count; i++)
            {
                var extra = brief.Arms[i].IsControl ? [] : control.Receipt.Differences(brief.Arms[i].Receipt)
                    .Where(d => !Receipt.IsUnder(d, brief.Change.Field) && !brief.ReceiptMustMatch.Any(f => Receipt.IsUnder(d, f)))
                    .ToList();
                if (extra.Count > 0)
                {
                    context.WarningAt($"arms[{i}].receipt", file, LintRules.UndeclaredReceiptChange,
                        $"arm {brief.Arms[i].Name} differs from control in {string.Join(", ", extra)} besides the declared change {brief.Change.Field}");
                }
            }
        }

        var mde = brief.Analysis.Mde;
        var ship = brief.Analysis.MinimumShipLift;
        if (mde.Unit == ship.Unit && ship.Value < mde.Value)
        {
            context.WarningAt("analysis.minimum_ship_lift", file, LintRules.ShipThresholdBelowMde,
                $"the ship threshold {ship} is below the MDE {mde}: lifts between them may ship without the power to see them");
        }

        LintReach(context, file, brief, dailyUnits);
    }

    private static void LintReach(YamlContext context, string file, ExperimentBrief brief, double? dailyUnits)
    {
        if (brief.Analysis.MaxDuration is not { } maxDuration)
        {
            return;
        }

        ExperimentPlan plan;
        try
        {
            plan = ExperimentPlanner.Plan(brief, dailyUnits);
        }
        catch (ArgumentException)
        {
            return;
        }

        var days = Math.Max(1, (int)Math.Floor(maxDuration.TotalDays));
        if (plan.DurationDays is { } needed && needed > days)
        {
            context.WarningAt("analysis.mde", file, LintRules.UnreachableMde,
                $"the MDE {brief.Analysis.Mde} needs {plan.TotalUnits:N0} units, {needed} days at {plan.EnrolledPerDay:N0} enrolled a day, beyond max_duration {DurationText.Format(maxDuration)}");
        }
    }
}
