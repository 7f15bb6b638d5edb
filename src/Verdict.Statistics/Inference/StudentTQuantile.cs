using MathNet.Numerics.Distributions;

namespace Verdict.Statistics.Inference;

/// <summary>
/// Quantiles of Student's t without allocation: exact forms for ν = 1 and 2, otherwise the Cornish–Fisher expansion
/// (Abramowitz and Stegun 1964, 26.7.5) refined by Newton steps on the exact CDF until the change is below 1e-14
/// relative. MathNet's <c>StudentT.InvCDF</c> uses a general root finder that is ~100× slower and allocates.
/// </summary>
internal static class StudentTQuantile
{
    public static double Of(double degreesOfFreedom, double probability)
    {
        if (probability == 0.5)
        {
            return 0;
        }

        if (probability < 0.5)
        {
            return -Of(degreesOfFreedom, 1 - probability);
        }

        var v = degreesOfFreedom;
        if (v == 1)
        {
            return Math.Tan(Math.PI * (probability - 0.5));
        }

        if (v == 2)
        {
            var a = (2 * probability) - 1;
            return a / Math.Sqrt(2 * probability * (1 - probability));
        }

        var z = Normal.InvCDF(0, 1, probability);
        var z2 = z * z;
        var g1 = ((z2 + 1) * z) / 4;
        var g2 = ((((5 * z2) + 16) * z2) + 3) * z / 96;
        var g3 = ((((((3 * z2) + 19) * z2) + 17) * z2) - 15) * z / 384;
        var g4 = ((((((((79 * z2) + 776) * z2) + 1482) * z2) - 1920) * z2) - 945) * z / 92160;
        var t = z + (g1 / v) + (g2 / (v * v)) + (g3 / (v * v * v)) + (g4 / (v * v * v * v));
        if (v > 1000)
        {
            // The next term of the expansion, g5/ν⁵, is below 1e-13 relative here (A&S 26.7.5), and the incomplete beta is slow for large ν.
            return t;
        }

        for (var i = 0; i < 50; i++)
        {
            // Newton on the upper tail keeps precision when probability is close to 1.
            var upper = StudentT.CDF(0, 1, v, -t);
            var step = (upper - (1 - probability)) / StudentT.PDF(0, 1, v, t);
            t += step;
            if (Math.Abs(step) <= 1e-14 * Math.Max(1, Math.Abs(t)))
            {
                break;
            }
        }

        return t;
    }
}
