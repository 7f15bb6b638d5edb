using Verdict.Statistics.Comparisons;
using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;

namespace Verdict.Statistics.Quantiles;

/// <summary>
/// The difference between two arms' quantiles (treatment − control) with a normal interval from the per-arm
/// order-statistic standard errors (Deng, Knoblich and Lu, KDD 2018, §4.2); relative lift by the delta method.
/// </summary>
public static class QuantileDifference
{
    /// <summary>Compares two arms' quantile estimates.</summary>
    public static Lift Compare(QuantileEstimate control, QuantileEstimate treatment, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(treatment);
        List<Diagnostic>? diagnostics = null;
        if (control.Ranks.Count < 30 || treatment.Ranks.Count < 30)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.SmallSample, "fewer than 30 units in an arm: the order-statistic interval's normal approximation is rough"));
        }

        return TwoSampleLift.Build(
            control.Value,
            control.StandardError * control.StandardError,
            treatment.Value,
            treatment.StandardError * treatment.StandardError,
            alpha,
            null,
            diagnostics);
    }
}
