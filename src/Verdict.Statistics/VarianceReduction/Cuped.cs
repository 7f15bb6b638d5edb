using Verdict.Statistics.Comparisons;
using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Statistics.VarianceReduction;

/// <summary>
/// CUPED regression adjustment (Deng, Xu, Kohavi and Walker, WSDM 2013, §3.2) from per-arm sufficient statistics.
/// θ = cov(Y, X) / var(X) is pooled over all units of both arms (eq. 4, GrowthBook gbstats <c>RegressionAdjustedStatistic</c>);
/// each arm's adjusted mean is ȳ − θ(x̄_arm − x̄_all) and its variance is Var(Y − θX)/n = (σ²_y + θ²σ²_x − 2θσ_xy)/n.
/// For ratio metrics the same adjustment is applied to the delta-method linearization (<see cref="CompareRatio"/>).
/// </summary>
public static class Cuped
{
    /// <summary>Compares arms on Y adjusted by the pre-period covariate X. In each moments value x = covariate, y = outcome.</summary>
    public static CupedResult Compare(BivariateMoments control, BivariateMoments treatment, double alpha = 0.05, bool useNormal = true)
    {
        Guard.Alpha(alpha);
        var unadjusted = TwoMeans.Compare(control.Y, treatment.Y, alpha, useNormal);
        List<Diagnostic>? diagnostics = null;
        if (!unadjusted.IsAvailable)
        {
            return new CupedResult(double.NaN, unadjusted, unadjusted, double.NaN, unadjusted.Diagnostics);
        }

        var all = control + treatment;
        if (all.SxX <= 0)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.ZeroCovariateVariance, "the covariate has no variance; CUPED leaves the estimate unadjusted"));
            return new CupedResult(0, unadjusted, unadjusted, 0, DiagnosticBag.Seal(diagnostics));
        }

        var theta = all.SxY / all.SxX;
        var (mc, vc) = Adjust(control, all.MeanX, theta);
        var (mt, vt) = Adjust(treatment, all.MeanX, theta);
        double? df = useNormal ? null : TwoMeans.WelchSatterthwaite(vc, control.Count, vt, treatment.Count);
        var adjusted = TwoSampleLift.Build(mc, vc, mt, vt, alpha, df, null);
        return new CupedResult(theta, adjusted, unadjusted, Reduction(adjusted, unadjusted), DiagnosticBag.Seal(diagnostics));
    }

    /// <summary>
    /// CUPED for a ratio metric Σnum/Σden with a pre-period ratio covariate Σpnum/Σpden. Each unit's ratio is
    /// linearized by the delta method, ℓ = (num − R·den)/μ_den, and the pre-period ratio likewise; the adjustment then
    /// runs on these linearized values, whose moments follow from the joint moments of the four per-unit values.
    /// </summary>
    public static CupedResult CompareRatio(RatioCovariateMoments control, RatioCovariateMoments treatment, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(treatment);
        Guard.Alpha(alpha);
        var unadjusted = RatioMetric.Compare(control.Outcome, treatment.Outcome, alpha);
        if (!unadjusted.IsAvailable)
        {
            return new CupedResult(double.NaN, unadjusted, unadjusted, double.NaN, unadjusted.Diagnostics);
        }

        if (control.Sum(3) == 0 || treatment.Sum(3) == 0)
        {
            return new CupedResult(double.NaN, unadjusted, unadjusted, double.NaN,
                [new Diagnostic(DiagnosticCode.ZeroDenominator, "a pre-period denominator sums to 0; CUPED cannot adjust")]);
        }

        List<Diagnostic>? diagnostics = null;
        var (c, rc, pc) = control.Linearize();
        var (t, rt, pt) = treatment.Linearize();

        // Within-arm linearized values have mean 0, so merging pools the within-arm co-moments.
        var pooled = c + t;
        if (pooled.SxX <= 0)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.ZeroCovariateVariance, "the pre-period ratio has no variance; CUPED leaves the estimate unadjusted"));
            return new CupedResult(0, unadjusted, unadjusted, 0, DiagnosticBag.Seal(diagnostics));
        }

        var theta = pooled.SxY / pooled.SxX;
        var pooledPre = (control.Sum(2) + treatment.Sum(2)) / (control.Sum(3) + treatment.Sum(3));
        var (_, vc) = Adjust(c, 0, theta);
        var (_, vt) = Adjust(t, 0, theta);
        var adjusted = TwoSampleLift.Build(rc - (theta * (pc - pooledPre)), vc, rt - (theta * (pt - pooledPre)), vt, alpha, null, null);
        return new CupedResult(theta, adjusted, unadjusted, Reduction(adjusted, unadjusted), DiagnosticBag.Seal(diagnostics));
    }

    /// <summary>The share of the lift's variance adjustment removed: 1 − SE²_adjusted / SE²_unadjusted.</summary>
    private static double Reduction(Lift adjusted, Lift unadjusted)
    {
        var raw = unadjusted.Absolute.StandardError * unadjusted.Absolute.StandardError;
        return raw > 0 ? 1 - (adjusted.Absolute.StandardError * adjusted.Absolute.StandardError / raw) : 0;
    }

    private static (double Mean, double MeanVariance) Adjust(BivariateMoments arm, double pooledMeanX, double theta)
    {
        var n = arm.Count;
        var varY = arm.SyY / (n - 1);
        var varX = arm.SxX / (n - 1);
        var cov = arm.SxY / (n - 1);
        var variance = Math.Max(varY + (theta * theta * varX) - (2 * theta * cov), 0);
        return (arm.MeanY - (theta * (arm.MeanX - pooledMeanX)), variance / n);
    }
}
