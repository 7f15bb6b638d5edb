using MathNet.Numerics.Distributions;
using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.Paired;

/// <summary>
/// The Wilson score interval for a proportion (Wilson 1927; statsmodels <c>proportion_confint(method="wilson")</c>):
/// (p̂ + z²/2n ± z√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n). Successes may be fractional, so a tie can count as half a win.
/// </summary>
public static class WilsonInterval
{
    /// <summary>The interval for <paramref name="successes"/> out of <paramref name="count"/>.</summary>
    public static ProportionInterval For(double successes, long count, double alpha = 0.05)
    {
        Guard.Alpha(alpha);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!(successes >= 0 && successes <= count))
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, "must lie between 0 and count");
        }

        if (count == 0)
        {
            return new ProportionInterval(0, 0, double.NaN, double.NaN, double.NaN,
                [new Diagnostic(DiagnosticCode.EmptyArm, "no cases to count")]);
        }

        var p = successes / count;
        var z = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        var z2 = z * z;
        var denominator = 1 + (z2 / count);
        var centre = (p + (z2 / (2.0 * count))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / count) + (z2 / (4.0 * count * count))) / denominator;
        // At p̂ = 0 or 1 a bound is exactly 0 or 1; centre ∓ half can miss it by a rounding error (−1e-18 for 0 of 83).
        return new ProportionInterval(successes, count, p, Math.Max(0, centre - half), Math.Min(1, centre + half), []);
    }
}
