using Verdict.Experiments.Briefs;
using Verdict.Experiments.Quantities;
using Verdict.Statistics.Guardrails;
using Verdict.Statistics.Inference;

namespace Verdict.Experiments.Analysis.Monitoring;

/// <summary>
/// The monitor's breach rule for one window (docs/monitor.md, "The rule"). The metric is compared exactly as the
/// analysis compares it (<c>MetricComparer</c>: Welch for means, Wald for proportions, the delta method for ratios,
/// order statistics for quantiles). A window breaches when the harm credibly exceeds the threshold m: with an increase
/// harmful, the one-sided test of H0: Δ ≤ m rejects at alpha, i.e. the lower bound Δ̂ − z₁₋α·SE lies above m,
/// p = P(Z ≥ (Δ̂ − m)/SE) (Student t with the comparison's degrees of freedom where it has them); mirrored when a decrease
/// is harmful. This is the non-inferiority test with the hypotheses swapped (Wellek 2010, ch. 1), so the same
/// <see cref="NonInferiority"/> code computes it.
/// </summary>
public static class WindowRule
{
    /// <summary>
    /// Judges one window of <paramref name="guardrail"/> for <paramref name="treatment"/> against control;
    /// <paramref name="derived"/> is the threshold derived from control's stable period once it is complete (null before,
    /// and for the other threshold kinds).
    /// </summary>
    public static WindowEvaluation Evaluate(ExperimentBrief brief, Guardrail guardrail, MetricData window, string treatment, DateTimeOffset start, DateTimeOffset end, Quantity? derived = null)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(guardrail);
        ArgumentNullException.ThrowIfNull(window);
        var monitor = guardrail.Monitor ?? throw new ArgumentException($"guardrail {guardrail.Metric} has no monitor block", nameof(guardrail));
        var calibrating = monitor.StableThreshold is not null && derived is null;
        var threshold = derived ?? monitor.Threshold ?? guardrail.Budget;
        if (threshold is null && !calibrating)
        {
            throw new ArgumentException($"guardrail {guardrail.Metric} has neither a monitor threshold nor a budget", nameof(guardrail));
        }

        var alpha = monitor.Alpha ?? GuardrailMonitor.DefaultAlpha;
        var increase = guardrail.Harmful == HarmfulDirection.Increase;
        var margin = threshold is { } t ? (increase ? t.Value : -t.Value) : double.NaN;
        var unit = brief.Metrics[guardrail.Metric].Unit;
        var evaluation = new WindowEvaluation
        {
            Metric = guardrail.Metric,
            Arm = treatment,
            Start = start,
            End = end,
            Outcome = WindowOutcome.NoData,
            Relative = threshold?.IsRelative ?? false,
            Threshold = margin,
            Alpha = alpha,
            Unit = unit,
            IncreaseHarmful = increase,
            StablePeriods = calibrating ? monitor.StableThreshold!.Periods : null,
            MinSamplePerArm = monitor.MinSamplePerArm,
        };

        var comparison = MetricComparer.Compare(brief, window, guardrail.Metric, brief.Control.Name, treatment, alpha);
        if (comparison is null)
        {
            return evaluation;
        }

        var estimate = threshold is { IsRelative: true } ? comparison.Lift.Relative : comparison.Lift.Absolute;
        evaluation = evaluation with
        {
            ControlUnits = comparison.ControlUnits,
            TreatmentUnits = comparison.TreatmentUnits,
            ControlValue = comparison.ControlValue,
            TreatmentValue = comparison.TreatmentValue,
            Difference = estimate.Value,
            StandardError = estimate.StandardError,
        };
        if (threshold is null)
        {
            return evaluation with { Outcome = WindowOutcome.Calibrating };
        }

        var smallest = Math.Min(comparison.ControlUnits, comparison.TreatmentUnits);
        if (smallest < monitor.MinSamplePerArm)
        {
            return evaluation with { Outcome = WindowOutcome.TooSmall };
        }

        if (!estimate.IsAvailable)
        {
            return evaluation with { Diagnostics = [.. comparison.Lift.Diagnostics.Select(d => d.Message)] };
        }

        // Swapped hypotheses: the breach is the rejection of "harm ≤ threshold", which is NonInferiority's rejection
        // in the opposite direction (its bound is on the side away from harm).
        var test = NonInferiority.Test(estimate.Value, estimate.StandardError, margin, increase ? NonInferiorityDirection.DecreaseIsBad : NonInferiorityDirection.IncreaseIsBad, alpha, estimate.DegreesOfFreedom);
        return evaluation with
        {
            Outcome = test.Passed ? WindowOutcome.Breach : WindowOutcome.Held,
            Bound = test.Bound,
            PValue = test.PValue,
        };
    }
}
