using MathNet.Numerics.Distributions;

namespace Verdict.Statistics.Power;

/// <summary>
/// Planning for a two-arm, two-sided test: sample size for a minimum detectable effect (MDE), the MDE for a given
/// sample size, and the power achieved. The MDE is absolute (0.02 is two percentage points). <c>ratio</c> is
/// n_treatment / n_control. A pre-period covariate with correlation ρ scales variances by (1 − ρ²) (CUPED;
/// Deng et al. 2013, §3.3). Sources: seed 000 (simple), seed 001 and Fleiss, Levin and Paik 2003 eq. 4.14 (pooled),
/// statsmodels <c>NormalIndPower</c> (continuous).
/// </summary>
public static class SampleSize
{
    /// <summary>Units per arm to detect an absolute change <paramref name="mde"/> in a proportion from <paramref name="baseline"/>.</summary>
    public static SampleSizeResult ForProportions(
        double baseline,
        double mde,
        double alpha = 0.05,
        double power = 0.8,
        SampleSizeFormula formula = SampleSizeFormula.Simple,
        double ratio = 1,
        double covariateCorrelation = 0)
    {
        CheckProportionInputs(baseline, mde, alpha, power, ratio, covariateCorrelation);
        var za = Z(1 - (alpha / 2));
        var zb = Z(power);
        var shrink = 1 - (covariateCorrelation * covariateCorrelation);
        double nControl;
        if (formula == SampleSizeFormula.Simple)
        {
            nControl = baseline * (1 - baseline) * shrink * (1 + (1 / ratio)) * (za + zb) * (za + zb) / (mde * mde);
        }
        else
        {
            var pa = baseline;
            var pb = baseline + mde;
            var pooled = (pa + (ratio * pb)) / (1 + ratio);
            var h0 = za * Math.Sqrt(pooled * (1 - pooled) * shrink * (1 + (1 / ratio)));
            var h1 = zb * Math.Sqrt(((pa * (1 - pa)) + (pb * (1 - pb) / ratio)) * shrink);
            nControl = (h0 + h1) * (h0 + h1) / (mde * mde);
        }

        return Round(nControl, ratio);
    }

    /// <summary>Units per arm to detect an absolute change <paramref name="mde"/> in a mean with standard deviation <paramref name="standardDeviation"/>.</summary>
    public static SampleSizeResult ForMeans(double standardDeviation, double mde, double alpha = 0.05, double power = 0.8, double ratio = 1, double covariateCorrelation = 0)
    {
        Guard.Positive(standardDeviation);
        CheckCommon(mde, alpha, power, ratio, covariateCorrelation);
        var za = Z(1 - (alpha / 2));
        var zb = Z(power);
        var variance = standardDeviation * standardDeviation * (1 - (covariateCorrelation * covariateCorrelation));
        return Round(variance * (1 + (1 / ratio)) * (za + zb) * (za + zb) / (mde * mde), ratio);
    }

    /// <summary>The smallest absolute change in a mean detectable with <paramref name="controlUnits"/> control units.</summary>
    public static double MinimumDetectableEffectForMeans(double standardDeviation, long controlUnits, double alpha = 0.05, double power = 0.8, double ratio = 1, double covariateCorrelation = 0)
    {
        Guard.Positive(standardDeviation);
        ArgumentOutOfRangeException.ThrowIfLessThan(controlUnits, 1);
        CheckCommon(1, alpha, power, ratio, covariateCorrelation);
        var variance = standardDeviation * standardDeviation * (1 - (covariateCorrelation * covariateCorrelation));
        return (Z(1 - (alpha / 2)) + Z(power)) * Math.Sqrt(variance * (1 + (1 / ratio)) / controlUnits);
    }

    /// <summary>The smallest absolute lift in a proportion detectable with <paramref name="controlUnits"/> control units.</summary>
    public static double MinimumDetectableEffectForProportions(
        double baseline,
        long controlUnits,
        double alpha = 0.05,
        double power = 0.8,
        SampleSizeFormula formula = SampleSizeFormula.Simple,
        double ratio = 1,
        double covariateCorrelation = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(controlUnits, 1);
        CheckProportionInputs(baseline, 0.5 * (1 - baseline), alpha, power, ratio, covariateCorrelation);
        if (formula == SampleSizeFormula.Simple)
        {
            return MinimumDetectableEffectForMeans(Math.Sqrt(baseline * (1 - baseline)), controlUnits, alpha, power, ratio, covariateCorrelation);
        }

        // The pooled formula's variance depends on the effect, so solve n(δ) = n by bisection on δ ∈ (0, 1 − p).
        double low = 0;
        var high = 1 - baseline;
        for (var i = 0; i < 200 && high - low > 1e-13; i++)
        {
            var mid = 0.5 * (low + high);
            var needed = ForProportions(baseline, mid, alpha, power, formula, ratio, covariateCorrelation).ExactControl;
            if (needed > controlUnits)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return high;
    }

    /// <summary>Power of a two-sided z test of means to detect <paramref name="mde"/> with the given units (both tails counted).</summary>
    public static double PowerForMeans(double standardDeviation, double mde, long controlUnits, double alpha = 0.05, double ratio = 1, double covariateCorrelation = 0)
    {
        Guard.Positive(standardDeviation);
        ArgumentOutOfRangeException.ThrowIfLessThan(controlUnits, 1);
        CheckCommon(mde, alpha, 0.5, ratio, covariateCorrelation);
        var variance = standardDeviation * standardDeviation * (1 - (covariateCorrelation * covariateCorrelation));
        var se = Math.Sqrt(variance * (1 + (1 / ratio)) / controlUnits);
        var za = Z(1 - (alpha / 2));
        var shift = Math.Abs(mde) / se;
        return Normal.CDF(0, 1, shift - za) + Normal.CDF(0, 1, -shift - za);
    }

    /// <summary>Power of a two-sided test of proportions to detect <paramref name="mde"/> with the given units (both tails counted).</summary>
    public static double PowerForProportions(
        double baseline,
        double mde,
        long controlUnits,
        double alpha = 0.05,
        SampleSizeFormula formula = SampleSizeFormula.Simple,
        double ratio = 1,
        double covariateCorrelation = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(controlUnits, 1);
        CheckProportionInputs(baseline, mde, alpha, 0.5, ratio, covariateCorrelation);
        if (formula == SampleSizeFormula.Simple)
        {
            return PowerForMeans(Math.Sqrt(baseline * (1 - baseline)), mde, controlUnits, alpha, ratio, covariateCorrelation);
        }

        var shrink = 1 - (covariateCorrelation * covariateCorrelation);
        var pa = baseline;
        var pb = baseline + mde;
        var nT = controlUnits * ratio;
        var pooled = (pa + (ratio * pb)) / (1 + ratio);
        var seH0 = Math.Sqrt(pooled * (1 - pooled) * shrink * ((1.0 / controlUnits) + (1 / nT)));
        var seH1 = Math.Sqrt(((pa * (1 - pa) / controlUnits) + (pb * (1 - pb) / nT)) * shrink);
        var za = Z(1 - (alpha / 2));
        var d = Math.Abs(mde);
        return Normal.CDF(0, 1, (d - (za * seH0)) / seH1) + Normal.CDF(0, 1, (-d - (za * seH0)) / seH1);
    }

    /// <summary>The most units per arm a plan may ask for; beyond it the effect is too small to detect in practice (and counts would overflow).</summary>
    public const double MaxUnitsPerArm = 1e15;

    private static SampleSizeResult Round(double nControl, double ratio)
    {
        var nTreatment = nControl * ratio;
        if (!(nControl <= MaxUnitsPerArm && nTreatment <= MaxUnitsPerArm))
        {
#pragma warning disable CA2208 // Names the public method's argument that is at fault (Round is its helper).
            throw new ArgumentOutOfRangeException("mde", $"the effect is too small to detect: it needs more than {MaxUnitsPerArm:0e0} units per arm");
#pragma warning restore CA2208
        }

        return new SampleSizeResult(CeilCount(nControl), CeilCount(nTreatment), nControl, nTreatment);
    }

    // Guards against 9246.000000000002 becoming 9247 from rounding noise in the quantiles.
    private static long CeilCount(double n) => (long)Math.Ceiling(n - (1e-9 * Math.Max(1, n)));

    private static double Z(double p) => Normal.InvCDF(0, 1, p);

    private static void CheckCommon(double mde, double alpha, double power, double ratio, double covariateCorrelation)
    {
        Guard.Alpha(alpha);
        Guard.Alpha(power);
        Guard.Positive(ratio);
        Guard.Finite(mde);
        if (mde == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(mde), mde, "the minimum detectable effect must not be 0");
        }

        if (!(covariateCorrelation > -1 && covariateCorrelation < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(covariateCorrelation), covariateCorrelation, "must lie strictly between -1 and 1");
        }
    }

    private static void CheckProportionInputs(double baseline, double mde, double alpha, double power, double ratio, double covariateCorrelation)
    {
        CheckCommon(mde, alpha, power, ratio, covariateCorrelation);
        if (!(baseline > 0 && baseline < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(baseline), baseline, "the baseline rate must lie strictly between 0 and 1");
        }

        if (!(baseline + mde > 0 && baseline + mde < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(mde), mde, $"baseline + mde must lie strictly between 0 and 1 (baseline {baseline})");
        }
    }
}
