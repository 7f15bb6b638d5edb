using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;

namespace Verdict.Statistics.Heterogeneity;

/// <summary>
/// Tests whether a treatment effect differs between disjoint slices (the values of one segment attribute) from each
/// slice's estimate and standard error: Cochran's Q (Cochran 1954) against χ² with k − 1 degrees of freedom, and I²
/// (Higgins and Thompson 2002, eq. 9). For independent slices Q is the Wald test of the treatment × slice
/// interaction with inverse-variance weights. The same numbers as statsmodels <c>combine_effects</c> (q,
/// <c>test_homogeneity()</c>, i2, mean_effect_fe, sd_eff_w_fe).
/// </summary>
public static class HeterogeneityTest
{
    /// <summary>Tests the slices' <paramref name="effects"/> for heterogeneity.</summary>
    public static HeterogeneityResult Test(IReadOnlyList<Estimate> effects, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(effects);
        Guard.Alpha(alpha);
        List<Diagnostic>? diagnostics = null;
        var usable = effects.Where(e => e.IsAvailable && e.StandardError > 0).ToList();
        if (usable.Count < effects.Count)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.ZeroVariance,
                $"{effects.Count - usable.Count} of {effects.Count} slices have no estimate or a zero standard error and are left out"));
        }

        if (usable.Count < 2)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.TooFewUnits, "fewer than two slices with an estimate: nothing to compare"));
            return new HeterogeneityResult(usable.Count, double.NaN, 0, double.NaN, double.NaN, Estimate.Missing, DiagnosticBag.Seal(diagnostics));
        }

        double sumW = 0, sumWTheta = 0;
        foreach (var e in usable)
        {
            var w = 1 / (e.StandardError * e.StandardError);
            sumW += w;
            sumWTheta += w * e.Value;
        }

        var pooled = sumWTheta / sumW;
        var q = usable.Sum(e => (e.Value - pooled) * (e.Value - pooled) / (e.StandardError * e.StandardError));
        var df = usable.Count - 1;
        var p = Tails.ChiSquareUpper(q, df);
        var i2 = q > 0 ? Math.Max(0, (q - df) / q) : 0;
        return new HeterogeneityResult(usable.Count, q, df, p, i2, Estimate.FromStatistic(pooled, 1 / Math.Sqrt(sumW), alpha), DiagnosticBag.Seal(diagnostics));
    }
}
