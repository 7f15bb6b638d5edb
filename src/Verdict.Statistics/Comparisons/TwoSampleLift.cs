using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;

namespace Verdict.Statistics.Comparisons;

/// <summary>
/// Shared construction of absolute and relative lifts from two independent arms' means and variances of the mean.
/// Relative lift divides by |control mean| so its sign stays right for negative baselines; its variance is the
/// delta method: Var(T)/(μ_C²) + μ_T²·Var(C)/μ_C⁴ where Var(·) is the variance of each arm's mean
/// (Deng, Knoblich and Lu, KDD 2018, §3; GrowthBook gbstats frequentist relative lift).
/// </summary>
internal static class TwoSampleLift
{
    public static Lift Build(
        double controlMean,
        double controlMeanVariance,
        double treatmentMean,
        double treatmentMeanVariance,
        double alpha,
        double? degreesOfFreedom,
        List<Diagnostic>? diagnostics)
    {
        var absoluteSe = Math.Sqrt(controlMeanVariance + treatmentMeanVariance);
        var absolute = Estimate.FromStatistic(treatmentMean - controlMean, absoluteSe, alpha, degreesOfFreedom);
        if (absoluteSe == 0 && double.IsFinite(absoluteSe))
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.ZeroVariance, "both arms have zero variance; the interval has no width and the test is degenerate"));
        }

        Estimate relative;
        if (controlMean == 0)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.ZeroControlMean, "the control mean is 0, so a relative lift is undefined"));
            relative = Estimate.Missing;
        }
        else
        {
            var denominator = Math.Abs(controlMean);
            var c2 = controlMean * controlMean;
            var relativeVariance = (treatmentMeanVariance / c2) + (treatmentMean * treatmentMean * controlMeanVariance / (c2 * c2));
            relative = Estimate.FromStatistic((treatmentMean - controlMean) / denominator, Math.Sqrt(relativeVariance), alpha, degreesOfFreedom);
        }

        return new Lift(controlMean, treatmentMean, absolute, relative, DiagnosticBag.Seal(diagnostics));
    }

    public static Lift Unavailable(double controlMean, double treatmentMean, List<Diagnostic>? diagnostics) =>
        new(controlMean, treatmentMean, Estimate.Missing, Estimate.Missing, DiagnosticBag.Seal(diagnostics));
}
