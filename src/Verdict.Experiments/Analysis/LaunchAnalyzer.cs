using System.Globalization;
using Verdict.Statistics;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// Turns a brief and its aggregates into seed 000's auditable launch decision: integrity first, then the primary
/// metric, guardrails, secondary metrics, segments and novelty, each printed as a check, then the verdict.
/// Pure: everything it reads comes from the locked brief and the <see cref="MetricData"/>.
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
        ArgumentNullException.ThrowIfNull(data);
        var control = brief.Control.Name;
        var treatment = treatmentArm ?? brief.Arms.First(a => !a.IsControl).Name;
        if (!brief.Arms.Any(a => !a.IsControl && a.Name == treatment))
        {
            throw new ArgumentException($"\"{treatment}\" is not a treatment arm of {brief.Key}; expected one of {string.Join(", ", brief.Arms.Where(a => !a.IsControl).Select(a => a.Name))}", nameof(treatmentArm));
        }

        var checks = new List<AnalysisCheck>();
        var planned = PlannedUnitsPerArm(brief);
        var srmP = IntegrityChecks.Run(brief, data, treatment, checks, planned);
        var fraction = SequentialLookCheck.InformationFraction(brief, data, planned);
        if (fraction is { } reached)
        {
            SequentialLookCheck.CheckReached(brief, reached, checks);
        }

        var minimumShip = brief.Analysis.MinimumShipLift;
        var report = new AnalysisReport
        {
            Experiment = brief.Key,
            Version = brief.Version,
            ControlArm = control,
            TreatmentArm = treatment,
            AsOf = asOf,
            Decision = LaunchDecision.Invalid,
            Reasons = [],
            Checks = checks,
            Population = data.Population,
            SrmPValue = srmP,
            Guardrails = [],
            Secondary = [],
            Segments = [],
            Daily = [],
            PlannedUnitsPerArm = planned,
            MinimumShipLift = minimumShip.Value,
        };

        var integrityFailures = checks.Where(c => c.Status == CheckStatus.Fail).ToList();
        if (integrityFailures.Count > 0)
        {
            // No lift is presented, but a reviewer should still learn when the arms' segment mix reverses the pooled sign.
            SegmentAnalysis.DiagnoseMix(brief, data, control, treatment, checks);
            return report with
            {
                Decision = LaunchDecision.Invalid,
                Reasons = integrityFailures.Select(c => $"{c.Name}: {c.Detail}").ToList(),
            };
        }

        var alpha = brief.PrimaryAlpha;
        var rollBack = new List<string>();
        var hold = new List<string>();

        // Step 2: the primary metric, at the brief's alpha split across its treatments.
        if (brief.TreatmentCount > 1)
        {
            checks.Add(new AnalysisCheck("primary", "several treatments", CheckStatus.Info, string.Create(CultureInfo.InvariantCulture,
                $"{brief.TreatmentCount} treatments share alpha {brief.Analysis.Alpha}: {treatment} is compared with {control} at {alpha:0.####} (Bonferroni); the others with {string.Join(", ", brief.Arms.Where(a => !a.IsControl && a.Name != treatment).Select(a => "--arm " + a.Name))}")));
        }

        var primaryAbsence = MetricEvidence.Absence(brief, data, brief.PrimaryMetric);
        var primary = primaryAbsence is null ? MetricComparer.Compare(brief, data, brief.PrimaryMetric, control, treatment, alpha) : null;
        if (primary is null || !primary.Lift.IsAvailable)
        {
            var why = primaryAbsence ?? GuardrailJudge.Reasons(primary);
            checks.Add(new AnalysisCheck("primary", brief.PrimaryMetric, CheckStatus.Fail, "no estimate: " + why));
            return report with { Decision = LaunchDecision.Invalid, Reasons = [$"the primary metric could not be estimated: {why}"], Primary = primary };
        }

        var lift = primary.Lift.Absolute;
        var shipValue = minimumShip.IsRelative ? primary.Lift.Relative.Value : lift.Value;
        var unit = primary.Unit;
        var cuped = primary.VarianceReduction is { } reduction
            ? $"; CUPED-adjusted (variance −{reduction:P1}; unadjusted {MetricFormat.Delta(primary.Unadjusted!.Value.Absolute.Value, unit)} [{MetricFormat.Delta(primary.Unadjusted.Value.Absolute.CiLow, unit)}, {MetricFormat.Delta(primary.Unadjusted.Value.Absolute.CiHigh, unit)}])"
            : string.Empty;
        checks.Add(new AnalysisCheck("primary", "interval above zero", lift.CiLow > 0 ? CheckStatus.Pass : CheckStatus.Fail,
            $"{brief.PrimaryMetric}: {MetricFormat.Value(primary.ControlValue, unit)} → {MetricFormat.Value(primary.TreatmentValue, unit)}, lift {MetricFormat.Delta(lift.Value, unit)} ({MetricFormat.Relative(primary.Lift.Relative.Value)}), {MetricFormat.Confidence(alpha)} interval [{MetricFormat.Delta(lift.CiLow, unit)}, {MetricFormat.Delta(lift.CiHigh, unit)}], p {MetricFormat.PValue(lift.PValue)}{cuped}"));
        var clears = shipValue >= minimumShip.Value;
        LookEvaluation? look = null;
        if (fraction is { } t && lift.StandardError > 0)
        {
            var evaluation = SequentialLookCheck.Evaluate(brief, t, lift);
            look = evaluation;
            var crossed = evaluation.Action == LookAction.StopEfficacy && lift.Value > 0;
            checks.Add(new AnalysisCheck("primary", "sequential boundary", crossed ? CheckStatus.Pass : CheckStatus.Fail,
                $"look {evaluation.Look} at information {evaluation.InformationFraction:0.###}: z {lift.Value / lift.StandardError:0.00} against ±{evaluation.EfficacyBoundary:0.00} ({evaluation.Action}); repeated interval [{MetricFormat.Delta(evaluation.RepeatedCiLow, unit)}, {MetricFormat.Delta(evaluation.RepeatedCiHigh, unit)}]{(evaluation.Note is { } note ? "; " + note : string.Empty)}"));
        }

        checks.Add(new AnalysisCheck("primary", "observed lift clears the ship threshold", clears ? CheckStatus.Pass : CheckStatus.Fail,
            $"observed {(minimumShip.IsRelative ? MetricFormat.Relative(shipValue) : MetricFormat.Delta(shipValue, unit))} against the registered minimum ship lift {minimumShip}"));
        if (look is { } l && !(l.Action == LookAction.StopEfficacy && lift.Value > 0))
        {
            if (l.Action == LookAction.StopEfficacy && lift.Value < 0)
            {
                rollBack.Add($"the primary metric crossed the lower sequential boundary ({MetricFormat.Delta(lift.Value, unit)})");
            }
            else
            {
                hold.Add(l.IsFinal
                    ? $"the final look did not cross the boundary ±{l.EfficacyBoundary:0.00}"
                    : $"continue to the next registered look: z {lift.Value / lift.StandardError:0.00} is inside ±{l.EfficacyBoundary:0.00} at information {l.InformationFraction:0.###}");
            }
        }
        else if (lift.CiHigh < 0)
        {
            rollBack.Add($"the primary metric is significantly worse ({MetricFormat.Delta(lift.Value, unit)}, interval below 0)");
        }
        else if (!(lift.CiLow > 0))
        {
            hold.Add($"inconclusive: the primary interval [{MetricFormat.Delta(lift.CiLow, unit)}, {MetricFormat.Delta(lift.CiHigh, unit)}] includes 0");
        }
        else if (!clears)
        {
            hold.Add($"the lift is real but below the minimum ship lift {minimumShip}");
        }

        // Step 3: guardrails.
        var guardrails = new List<GuardrailOutcome>();
        foreach (var guardrail in brief.Guardrails)
        {
            var absence = MetricEvidence.Absence(brief, data, guardrail.Metric);
            var comparison = absence is null ? MetricComparer.Compare(brief, data, guardrail.Metric, control, treatment, guardrail.Alpha ?? brief.Analysis.Alpha) : null;
            var outcome = GuardrailJudge.Judge(brief, guardrail, comparison, checks, absence);
            if (outcome is not null)
            {
                guardrails.Add(outcome);
                if (!outcome.Passed)
                {
                    rollBack.Add($"guardrail {guardrail.Metric} breached: {outcome.Reason}");
                }
            }
            else if (checks[^1].Status == CheckStatus.Fail)
            {
                hold.Add($"guardrail {guardrail.Metric} could not be judged");
            }
        }

        // Step 4: secondary metrics with the registered correction.
        var secondary = Secondary(brief, data, control, treatment, checks);

        // Step 5 and 6: segments and novelty.
        var segments = SegmentAnalysis.Run(brief, data, control, treatment, primary, checks, rollBack);
        var daily = NoveltyAnalysis.Run(brief, data, control, treatment, checks);
        var cumulative = CumulativeAnalysis.Run(brief, data, control, treatment, planned);

        // A pooled lift that every segment contradicts is an artefact of the arms' mix, not evidence to ship on.
        hold.AddRange(checks
            .Where(c => c.Step == SegmentAnalysis.Step && c.Status == CheckStatus.Warn && c.Name.StartsWith("Simpson", StringComparison.Ordinal))
            .Select(c => $"{c.Name}: {c.Detail}"));
        var decision = rollBack.Count > 0 ? LaunchDecision.RollBack : hold.Count > 0 ? LaunchDecision.Hold : LaunchDecision.Ship;
        var reasons = decision switch
        {
            LaunchDecision.RollBack => rollBack,
            LaunchDecision.Hold => hold,
            _ => [$"{brief.PrimaryMetric} {MetricFormat.Delta(lift.Value, unit)} with the interval above 0 and at least {minimumShip}; integrity and every guardrail pass"],
        };
        return report with
        {
            Decision = decision,
            Reasons = reasons,
            Primary = primary,
            Guardrails = guardrails,
            Secondary = secondary,
            Segments = segments,
            Daily = daily,
            Cumulative = cumulative,
        };
    }

    private static List<MetricComparison> Secondary(ExperimentBrief brief, MetricData data, string control, string treatment, List<AnalysisCheck> checks)
    {
        var alpha = brief.Analysis.Alpha;
        foreach (var metric in brief.SecondaryMetrics)
        {
            if (MetricEvidence.Absence(brief, data, metric) is { } absence)
            {
                checks.Add(new AnalysisCheck("secondary", metric, CheckStatus.Warn, absence));
            }
        }

        var comparisons = brief.SecondaryMetrics
            .Where(m => MetricEvidence.Absence(brief, data, m) is null)
            .Select(m => MetricComparer.Compare(brief, data, m, control, treatment, alpha))
            .Where(c => c is not null && c.Lift.IsAvailable)
            .Select(c => c!)
            .ToList();
        if (comparisons.Count == 0)
        {
            return comparisons;
        }

        var method = brief.Analysis.SecondaryCorrection;
        var adjusted = PValueAdjustment.Adjust(comparisons.Select(c => c.Lift.Absolute.PValue).ToArray(), method);
        var result = new List<MetricComparison>();
        for (var i = 0; i < comparisons.Count; i++)
        {
            var c = comparisons[i] with { AdjustedPValue = adjusted[i] };
            result.Add(c);
            var significant = adjusted[i] < alpha;
            checks.Add(new AnalysisCheck("secondary", c.Metric, CheckStatus.Info,
                $"{MetricFormat.Delta(c.Lift.Absolute.Value, c.Unit)} ({MetricFormat.Relative(c.Lift.Relative.Value)}), p {MetricFormat.PValue(c.Lift.Absolute.PValue)}, {MetricFormat.Name(method)} adjusted p {MetricFormat.PValue(adjusted[i])}{(significant ? ": significant" : string.Empty)}"));
        }

        return result;
    }

    /// <summary>The registered units per arm, or the plan's sample size when the brief lets the planner compute it.</summary>
    private static long? PlannedUnitsPerArm(ExperimentBrief brief)
    {
        if (brief.Analysis.PlannedUnitsPerArm is { } registered)
        {
            return registered;
        }

        try
        {
            var plan = ExperimentPlanner.Plan(brief);
            return plan.Arms.Count > 0 ? plan.Arms.Max(a => a.Units) : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
