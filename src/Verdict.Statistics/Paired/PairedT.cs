using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Statistics.Paired;

/// <summary>
/// The paired t test and interval for the mean of per-case differences (treatment − control) on the same cases
/// (Student 1908; scipy <c>ttest_rel</c>): mean d̄, standard error s_d/√n, n − 1 degrees of freedom.
/// </summary>
public static class PairedT
{
    /// <summary>Compares paired scores; <paramref name="treatment"/>[i] and <paramref name="control"/>[i] are the same case.</summary>
    public static PairedDifference Compare(IReadOnlyList<double> control, IReadOnlyList<double> treatment, double alpha = 0.05) =>
        Test(PairedDifferences.Of(control, treatment), alpha);

    /// <summary>Tests the mean of <paramref name="differences"/> against 0.</summary>
    public static PairedDifference Test(IReadOnlyList<double> differences, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(differences);
        Guard.Alpha(alpha);
        var diagnostics = new List<Diagnostic>();
        var moments = Moments.Empty;
        foreach (var d in differences)
        {
            Guard.Finite(d, nameof(differences));
            moments = moments.Add(d);
        }

        if (moments.Count < 2)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCode.TooFewUnits, "a paired comparison needs at least two cases"));
            return new PairedDifference(moments.Count, Estimate.Missing with { Value = moments.Count == 1 ? moments.Mean : double.NaN }, diagnostics);
        }

        if (moments.Variance == 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCode.ZeroVariance, "every case has the same difference, so the interval has zero width"));
        }

        var se = Math.Sqrt(moments.Variance / moments.Count);
        return new PairedDifference(moments.Count, Estimate.FromStatistic(moments.Mean, se, alpha, moments.Count - 1), diagnostics);
    }
}
