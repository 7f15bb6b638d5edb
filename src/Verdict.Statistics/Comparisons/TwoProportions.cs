using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Statistics.Comparisons;

/// <summary>
/// Difference of two independent proportions with the unpooled Wald standard error
/// √(p_C(1−p_C)/n_C + p_T(1−p_T)/n_T); intervals and p-values come from the same z statistic
/// (statsmodels <c>confint_proportions_2indep(method="wald")</c> and <c>test_proportions_2indep(method="wald")</c>).
/// </summary>
public static class TwoProportions
{
    /// <summary>Compares <paramref name="treatmentSuccesses"/>/<paramref name="treatmentCount"/> with control.</summary>
    public static Lift Compare(long controlSuccesses, long controlCount, long treatmentSuccesses, long treatmentCount, double alpha = 0.05)
    {
        Guard.Alpha(alpha);
        var control = Moments.FromProportion(controlSuccesses, controlCount);
        var treatment = Moments.FromProportion(treatmentSuccesses, treatmentCount);
        List<Diagnostic>? diagnostics = null;
        if (controlCount == 0 || treatmentCount == 0)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.EmptyArm, controlCount == 0 ? "the control arm has no units" : "the treatment arm has no units"));
            return TwoSampleLift.Unavailable(control.Mean, treatment.Mean, diagnostics);
        }

        var pc = control.Mean;
        var pt = treatment.Mean;
        return TwoSampleLift.Build(pc, pc * (1 - pc) / controlCount, pt, pt * (1 - pt) / treatmentCount, alpha, null, diagnostics);
    }
}
