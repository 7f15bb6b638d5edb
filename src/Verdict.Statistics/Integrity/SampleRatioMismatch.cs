using MathNet.Numerics;
using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.Integrity;

/// <summary>
/// Sample-ratio mismatch: Pearson's χ² goodness-of-fit of observed arm counts against planned weights
/// (Fabijan et al., KDD 2019; scipy <c>chisquare</c>). Arms with planned weight 0 are left out and the
/// remaining weights renormalized; the result lists them.
/// </summary>
public static class SampleRatioMismatch
{
    /// <summary>The default alert threshold on the p-value.</summary>
    public const double DefaultThreshold = 0.001;

    /// <summary>Tests <paramref name="counts"/> against <paramref name="weights"/> (any positive scale; they are normalized).</summary>
    public static SampleRatioMismatchResult Test(IReadOnlyList<long> counts, IReadOnlyList<double> weights, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(weights);
        Guard.Alpha(threshold);
        if (counts.Count != weights.Count)
        {
            throw new ArgumentException($"expected one weight per arm: {counts.Count} counts, {weights.Count} weights", nameof(weights));
        }

        if (counts.Count < 2)
        {
            throw new ArgumentException("a sample-ratio test needs at least two arms", nameof(counts));
        }

        var excluded = new List<int>();
        List<Diagnostic>? diagnostics = null;
        double weightTotal = 0;
        long countTotal = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(counts[i], nameof(counts));
            if (!(weights[i] >= 0) || !double.IsFinite(weights[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weights[i], "weights must be finite and non-negative");
            }

            if (weights[i] == 0)
            {
                excluded.Add(i);
                continue;
            }

            weightTotal += weights[i];
            countTotal += counts[i];
        }

        if (excluded.Count > 0)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.ArmExcluded, $"arms {string.Join(", ", excluded)} have planned weight 0 and were left out of the test"));
        }

        var included = counts.Count - excluded.Count;
        if (included < 2)
        {
            throw new ArgumentException("at least two arms need a positive planned weight", nameof(weights));
        }

        var expected = new double[counts.Count];
        if (countTotal == 0)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.EmptyArm, "no units were observed in the tested arms"));
            return new SampleRatioMismatchResult(double.NaN, included - 1, double.NaN, false, threshold, expected, excluded, DiagnosticBag.Seal(diagnostics));
        }

        double chiSquare = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (weights[i] == 0)
            {
                continue;
            }

            expected[i] = countTotal * weights[i] / weightTotal;
            var d = counts[i] - expected[i];
            chiSquare += d * d / expected[i];
        }

        var df = included - 1;
        var p = SpecialFunctions.GammaUpperRegularized(df / 2.0, chiSquare / 2);
        return new SampleRatioMismatchResult(chiSquare, df, p, p < threshold, threshold, expected, excluded, DiagnosticBag.Seal(diagnostics));
    }
}
