using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Statistics.Comparisons;

/// <summary>
/// Welch's unequal-variance comparison of two means from sufficient statistics, with Welch–Satterthwaite degrees of
/// freedom and Student t intervals (Welch 1947; scipy <c>ttest_ind_from_stats(equal_var=False)</c>). The relative
/// lift uses the delta method and the same degrees of freedom.
/// </summary>
public static class TwoMeans
{
    /// <summary>Compares treatment with control. Normal reference instead of t when <paramref name="useNormal"/>.</summary>
    public static Lift Compare(Moments control, Moments treatment, double alpha = 0.05, bool useNormal = false)
    {
        Guard.Alpha(alpha);
        List<Diagnostic>? diagnostics = null;
        if (control.Count == 0 || treatment.Count == 0)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.EmptyArm, control.Count == 0 ? "the control arm has no units" : "the treatment arm has no units"));
            return TwoSampleLift.Unavailable(control.Mean, treatment.Mean, diagnostics);
        }

        if (control.Count < 2 || treatment.Count < 2)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.TooFewUnits, "each arm needs at least two units to estimate a variance"));
            return TwoSampleLift.Unavailable(control.Mean, treatment.Mean, diagnostics);
        }

        var vc = control.Variance / control.Count;
        var vt = treatment.Variance / treatment.Count;
        double? df = useNormal ? null : WelchSatterthwaite(vc, control.Count, vt, treatment.Count);
        return TwoSampleLift.Build(control.Mean, vc, treatment.Mean, vt, alpha, df, diagnostics);
    }

    /// <summary>
    /// Welch–Satterthwaite degrees of freedom (v_C + v_T)² / (v_C²/(n_C − 1) + v_T²/(n_T − 1)) where v is the
    /// variance of each arm's mean. Infinite when both variances are zero.
    /// </summary>
    public static double WelchSatterthwaite(double controlMeanVariance, long controlCount, double treatmentMeanVariance, long treatmentCount)
    {
        var numerator = (controlMeanVariance + treatmentMeanVariance) * (controlMeanVariance + treatmentMeanVariance);
        var denominator = (controlMeanVariance * controlMeanVariance / (controlCount - 1))
            + (treatmentMeanVariance * treatmentMeanVariance / (treatmentCount - 1));
        return denominator > 0 ? numerator / denominator : double.PositiveInfinity;
    }
}
