using Verdict.Statistics.Comparisons;
using Verdict.Statistics.Inference;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Cli.Commands.Stats;

/// <summary>Reads two arms given as SUCCESSES/UNITS (proportions) or N,MEAN,SD (means) into a lift.</summary>
internal static class TwoArmInput
{
    /// <summary>The lift (normal reference) and the units in both arms.</summary>
    public static (Lift Lift, long Units) Read(string control, string treatment, double alpha)
    {
        var proportions = control.Contains('/', StringComparison.Ordinal);
        if (proportions != treatment.Contains('/', StringComparison.Ordinal))
        {
            throw new CliException("--control and --treatment must both be SUCCESSES/UNITS or both N,MEAN,SD");
        }

        if (proportions)
        {
            var (cs, cn) = ArgParsing.Fraction(control, "--control");
            var (ts, tn) = ArgParsing.Fraction(treatment, "--treatment");
            return (TwoProportions.Compare(cs, cn, ts, tn, alpha), cn + tn);
        }

        var c = Arm(control, "--control");
        var t = Arm(treatment, "--treatment");
        return (TwoMeans.Compare(c, t, alpha, useNormal: true), c.Count + t.Count);
    }

    private static Moments Arm(string text, string option)
    {
        var v = ArgParsing.Numbers(text, option, 3, "SUCCESSES/UNITS or N,MEAN,SD");
        var n = ArgParsing.Count(v[0], option, "N");
        if (v[2] < 0)
        {
            throw new CliException($"{option}: SD must not be negative, got {v[2]}");
        }

        return Moments.FromMeanAndStandardDeviation(n, v[1], v[2]);
    }
}
