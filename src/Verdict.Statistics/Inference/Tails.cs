using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Verdict.Statistics.Inference;

/// <summary>Tail probabilities other assemblies need, so they do not depend on MathNet themselves.</summary>
public static class Tails
{
    /// <summary>Two-sided p-value of a standard normal statistic.</summary>
    public static double NormalTwoSided(double z) => double.IsNaN(z) ? double.NaN : Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z)));

    /// <summary>P(χ²_df &gt; x), exact in the far tail.</summary>
    public static double ChiSquareUpper(double x, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        return x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, x / 2);
    }

    /// <summary>The standard normal quantile.</summary>
    public static double NormalQuantile(double probability) => Normal.InvCDF(0, 1, probability);
}
