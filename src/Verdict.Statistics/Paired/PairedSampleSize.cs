using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace Verdict.Statistics.Paired;

/// <summary>
/// Cases needed for a two-sided paired t test to detect a mean difference δ with standard deviation of differences
/// σ_d, from the exact power of the noncentral t with n − 1 degrees of freedom and noncentrality (δ/σ_d)√n
/// (Cohen 1988, ch. 2; statsmodels 0.13 <c>TTestPower.solve_power</c>). The noncentral t CDF is
/// E_S[Φ(t·S − λ)] with S = √(χ²_ν/ν), integrated numerically.
/// </summary>
public static class PairedSampleSize
{
    /// <summary>Power of the two-sided paired t test with <paramref name="count"/> cases (fractional allowed, count &gt; 1).</summary>
    public static double Power(double effectSize, double count, double alpha = 0.05)
    {
        Guard.Finite(effectSize);
        Guard.Alpha(alpha);
        if (!(count > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "must be greater than 1");
        }

        var df = count - 1;
        var critical = StudentT.InvCDF(0, 1, df, 1 - (alpha / 2));
        var lambda = effectSize * Math.Sqrt(count);
        return (1 - NoncentralTCdf(critical, df, lambda)) + NoncentralTCdf(-critical, df, lambda);
    }

    /// <summary>
    /// The (fractional) number of paired cases giving <paramref name="power"/> for a standardized effect
    /// δ/σ_d; round up for a plan.
    /// </summary>
    public static double ForEffectSize(double effectSize, double alpha = 0.05, double power = 0.8)
    {
        Guard.Alpha(alpha);
        if (!(power > alpha && power < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, "must lie between alpha and 1");
        }

        if (!(Math.Abs(effectSize) > 0) || double.IsInfinity(effectSize))
        {
            throw new ArgumentOutOfRangeException(nameof(effectSize), effectSize, "must be a non-zero finite number");
        }

        if (Power(effectSize, 2, alpha) >= power)
        {
            return 2;
        }

        var upper = 4.0;
        while (Power(effectSize, upper, alpha) < power)
        {
            upper *= 2;
        }

        return Brent.FindRoot(n => Power(effectSize, n, alpha) - power, 2, upper, 1e-10, 200);
    }

    /// <summary>Cases for a raw mean difference with the standard deviation of the differences.</summary>
    public static double ForDifference(double difference, double standardDeviation, double alpha = 0.05, double power = 0.8)
    {
        Guard.Positive(standardDeviation);
        return ForEffectSize(difference / standardDeviation, alpha, power);
    }

    /// <summary>P(T ≤ t) for a noncentral t with ν degrees of freedom and noncentrality λ.</summary>
    internal static double NoncentralTCdf(double t, double df, double lambda)
    {
        // log density of S = sqrt(χ²_ν / ν): ν^{ν/2} s^{ν−1} e^{−ν s²/2} / (2^{ν/2−1} Γ(ν/2)).
        var logConstant = (df / 2 * Math.Log(df)) - (((df / 2) - 1) * Math.Log(2)) - SpecialFunctions.GammaLn(df / 2);
        double Integrand(double s) => s <= 0
            ? 0
            : Normal.CDF(0, 1, (t * s) - lambda) * Math.Exp(logConstant + ((df - 1) * Math.Log(s)) - (df * s * s / 2));
        var spread = 1 / Math.Sqrt(df);
        var low = Math.Max(0, 1 - (12 * spread));
        var high = 1 + (12 * spread);
        return Integrate.OnClosedInterval(Integrand, low, high, 1e-12);
    }
}
