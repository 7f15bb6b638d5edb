using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Statistics.Comparisons;

/// <summary>
/// Ratio metrics such as cost per resolved conversation, Σnum/Σden over units, whose units are the randomization
/// units. The variance of each arm's ratio comes from the delta method (Deng, Knoblich and Lu, KDD 2018, eq. 3;
/// Kohavi, Tang and Xu 2020, ch. 18): Var(R) = (σ²_n/μ_d² − 2 μ_n σ_nd/μ_d³ + μ_n² σ²_d/μ_d⁴) / n.
/// </summary>
public static class RatioMetric
{
    /// <summary>The ratio of one arm and the variance of that ratio. <paramref name="moments"/>: x = denominator, y = numerator.</summary>
    public static (double Ratio, double Variance) Of(BivariateMoments moments)
    {
        if (moments.Count == 0 || moments.MeanX == 0)
        {
            return (double.NaN, double.NaN);
        }

        var n = moments.Count;
        var md = moments.MeanX;
        var mn = moments.MeanY;
        var ratio = mn / md;
        if (n < 2)
        {
            return (ratio, double.NaN);
        }

        var varN = moments.SyY / (n - 1);
        var varD = moments.SxX / (n - 1);
        var cov = moments.SxY / (n - 1);
        var variance = ((varN / (md * md)) - (2 * mn * cov / (md * md * md)) + (mn * mn * varD / (md * md * md * md))) / n;
        return (ratio, Math.Max(variance, 0));
    }

    /// <summary>Compares treatment's ratio with control's (normal reference). x = denominator, y = numerator.</summary>
    public static Lift Compare(BivariateMoments control, BivariateMoments treatment, double alpha = 0.05)
    {
        Guard.Alpha(alpha);
        List<Diagnostic>? diagnostics = null;
        if (control.Count == 0 || treatment.Count == 0)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.EmptyArm, control.Count == 0 ? "the control arm has no units" : "the treatment arm has no units"));
            return TwoSampleLift.Unavailable(double.NaN, double.NaN, diagnostics);
        }

        var (rc, vc) = Of(control);
        var (rt, vt) = Of(treatment);
        if (control.MeanX == 0 || treatment.MeanX == 0)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.ZeroDenominator, control.MeanX == 0 ? "the control denominator sums to 0" : "the treatment denominator sums to 0"));
            return TwoSampleLift.Unavailable(rc, rt, diagnostics);
        }

        if (control.Count < 2 || treatment.Count < 2)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.TooFewUnits, "each arm needs at least two units to estimate a variance"));
            return TwoSampleLift.Unavailable(rc, rt, diagnostics);
        }

        return TwoSampleLift.Build(rc, vc, rt, vt, alpha, null, diagnostics);
    }
}
