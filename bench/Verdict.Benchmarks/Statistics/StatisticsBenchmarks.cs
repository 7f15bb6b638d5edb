using BenchmarkDotNet.Attributes;
using Verdict.Statistics.Comparisons;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Statistics.VarianceReduction;

namespace Verdict.Benchmarks.Statistics;

/// <summary>Single comparisons from sufficient statistics: the per-metric cost of an analysis.</summary>
[MemoryDiagnoser]
public class StatisticsBenchmarks
{
    private readonly Moments control = Moments.FromMeanAndStandardDeviation(1_000_000, 1180, 310);
    private readonly Moments treatment = Moments.FromMeanAndStandardDeviation(1_000_000, 1260, 330);
    private readonly BivariateMoments cupedControl = BivariateMoments.FromSums(20_000, 9_000, 7_600, 9_000, 7_600, 5_100);
    private readonly BivariateMoments cupedTreatment = BivariateMoments.FromSums(20_000, 9_050, 8_400, 9_050, 8_400, 5_600);

    /// <summary>The same Welch interval computed the obvious way with MathNet's <c>StudentT.InvCDF</c>: the peer baseline.</summary>
    [Benchmark(Baseline = true)]
    public double WelchWithMathNetInvCdf()
    {
        var vc = control.Variance / control.Count;
        var vt = treatment.Variance / treatment.Count;
        var df = TwoMeans.WelchSatterthwaite(vc, control.Count, vt, treatment.Count);
        var se = Math.Sqrt(vc + vt);
        var critical = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, df, 0.975);
        var p = 2 * MathNet.Numerics.Distributions.StudentT.CDF(0, 1, df, -Math.Abs((treatment.Mean - control.Mean) / se));
        return p + (critical * se);
    }

    [Benchmark]
    public double WelchTTest() => TwoMeans.Compare(control, treatment).Absolute.PValue;

    [Benchmark]
    public double WelchNormal() => TwoMeans.Compare(control, treatment, useNormal: true).Absolute.PValue;

    [Benchmark]
    public double TwoProportionsWald() => TwoProportions.Compare(7600, 20_000, 8400, 20_000).Absolute.PValue;

    [Benchmark]
    public double CupedAdjustment() => Cuped.Compare(cupedControl, cupedTreatment).Adjusted.Absolute.PValue;
}
