using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Experiments.Briefs;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// Turns a brief and its aggregates into seed 000's auditable launch decision: integrity first, then the primary
/// metric, guardrails, secondary metrics, segments and novelty, each a typed <see cref="StepOutcome"/> with its checks
/// and reasons, then <see cref="DecisionRules.Decide(IEnumerable{StepOutcome}, DecisionReason?)"/>. Pure: everything it
/// reads comes from the resolved plan (<see cref="ResolvedPlan"/>) and the <see cref="MetricData"/>.
/// </summary>
public static class LaunchAnalyzer
{
    /// <summary>
    /// Analyses <paramref name="data"/> under <paramref name="brief"/>, comparing <paramref name="treatmentArm"/> with
    /// control (default: the brief's first non-control arm; with several treatments, analyse each in turn).
    /// </summary>
    public static AnalysisReport Analyze(ExperimentBrief brief, MetricData data, DateTimeOffset? asOf = null, string? treatmentArm = null)
    {
        ArgumentNullException.ThrowIfNull(brief);
        return Analyze(ResolvedPlan.From(brief), data, asOf, treatmentArm);
    }

    /// <summary>Analyses <paramref name="data"/> under a plan already resolved (the caller resolves it once and shares it).</summary>
    public static AnalysisReport Analyze(ResolvedPlan plan, MetricData data, DateTimeOffset? asOf = null, string? treatmentArm = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(data);
        var brief = plan.Brief;
        var control = brief.Control.Name;
        var treatment = treatmentArm ?? brief.Arms.First(a => !a.IsControl).Name;
        if (!brief.Arms.Any(a => !a.IsControl && a.Name == treatment))
        {
            throw new ArgumentException($"\"{treatment}\" is not a treatment arm of {brief.Key}; expected one of {string.Join(", ", brief.Arms.Where(a => !a.IsControl).Select(a => a.Name))}", nameof(treatmentArm));
        }

        var integrity = IntegrityChecks.Run(plan, data, treatment);
        var report = new AnalysisReport
        {
            Experiment = brief.Key,
            Version = brief.Version,
            ControlArm = control,
            TreatmentArm = treatment,
            AsOf = asOf,
            Decision = LaunchDecision.Invalid,
            DecisionReasons = [],
            Steps = [integrity],
            Population = data.Population,
            SrmPValue = integrity.SrmPValue,
            Guardrails = [],
            Secondary = [],
            Segments = [],
            Daily = [],
            PlannedUnitsPerArm = plan.PlannedUnitsPerArm,
            MinimumShipLift = brief.Analysis.MinimumShipLift.Value,
            Plan = plan,
        };

        if (integrity.Failed)
        {
            // No lift is presented, but a reviewer should still learn when the arms' segment mix reverses the pooled sign.
            return Decided(report, [integrity, SegmentAnalysis.DiagnoseMix(brief, data, control, treatment)], null);
        }

        var primary = PrimaryStep.Run(plan, data, control, treatment, integrity.InformationFraction);
        if (!primary.Estimated)
        {
            return Decided(report with { Primary = primary.Comparison }, [integrity, primary], null);
        }

        var comparison = primary.Comparison!;
        var guardrails = GuardrailJudge.Run(brief, data, control, treatment);
        var secondary = SecondaryStep.Run(brief, data, control, treatment);
        var segments = SegmentAnalysis.Run(brief, data, control, treatment, comparison);
        var novelty = NoveltyAnalysis.Run(brief, data, control, treatment);
        return Decided(
            report with
            {
                Primary = comparison,
                Guardrails = guardrails.Guardrails,
                Secondary = secondary.Comparisons,
                Segments = segments.Segments,
                Daily = novelty.Daily,
                Cumulative = CumulativeAnalysis.Run(plan, data, control, treatment),
            },
            [integrity, primary, guardrails, secondary, segments, novelty],
            PrimaryStep.ShipReason(brief, comparison));
    }

    private static AnalysisReport Decided(AnalysisReport report, IReadOnlyList<StepOutcome> steps, DecisionReason? ship)
    {
        var (decision, reasons) = DecisionRules.Decide(steps, ship);
        return report with { Steps = steps, Decision = decision, DecisionReasons = reasons };
    }
}
