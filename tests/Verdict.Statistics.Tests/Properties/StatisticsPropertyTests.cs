using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verdict.Statistics.Comparisons;
using Verdict.Statistics.MultipleTesting;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Statistics.Tests.Properties;

public sealed class StatisticsPropertyTests
{
    private static Arbitrary<(int Cs, int Cn, int Ts, int Tn)> ProportionArms() =>
        (from cn in Gen.Choose(30, 5000)
         from cs in Gen.Choose(1, cn - 1)
         from tn in Gen.Choose(30, 5000)
         from ts in Gen.Choose(1, tn - 1)
         select (cs, cn, ts, tn)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property TwoProportions_SwappingArms_FlipsSignAndKeepsPValue() =>
        Prop.ForAll(ProportionArms(), a =>
        {
            var forward = TwoProportions.Compare(a.Cs, a.Cn, a.Ts, a.Tn);
            var backward = TwoProportions.Compare(a.Ts, a.Tn, a.Cs, a.Cn);
            return Math.Abs(forward.Absolute.Value + backward.Absolute.Value) < 1e-12
                && Math.Abs(forward.Absolute.PValue - backward.Absolute.PValue) < 1e-12
                && Math.Abs(forward.Absolute.PValueGreater - backward.Absolute.PValueLess) < 1e-12;
        });

    [Property(MaxTest = 300)]
    public Property TwoProportions_IntervalContainsEstimate_AndAgreesWithPValue() =>
        Prop.ForAll(ProportionArms(), a =>
        {
            var lift = TwoProportions.Compare(a.Cs, a.Cn, a.Ts, a.Tn);
            var e = lift.Absolute;
            var excludesZero = e.CiLow > 0 || e.CiHigh < 0;
            return e.CiLow <= e.Value && e.Value <= e.CiHigh
                && lift.Relative.CiLow <= lift.Relative.Value && lift.Relative.Value <= lift.Relative.CiHigh
                && (Math.Abs(e.PValue - 0.05) < 1e-9 || excludesZero == (e.PValue < 0.05));
        });

    [Property(MaxTest = 300)]
    public Property TwoMeans_SwappingArms_FlipsSignAndKeepsPValue() =>
        Prop.ForAll(
            (from nc in Gen.Choose(2, 10_000)
             from nt in Gen.Choose(2, 10_000)
             from shift in Gen.Choose(-5000, 5000)
             from sd in Gen.Choose(1, 3000)
             select (nc, nt, shift, sd)).ToArbitrary(),
            a =>
            {
                var c = Moments.FromMeanAndStandardDeviation(a.nc, 100, 30);
                var t = Moments.FromMeanAndStandardDeviation(a.nt, 100 + (a.shift / 100.0), a.sd / 100.0);
                var f = TwoMeans.Compare(c, t);
                var b = TwoMeans.Compare(t, c);
                return Math.Abs(f.Absolute.Value + b.Absolute.Value) < 1e-9
                    && Math.Abs(f.Absolute.PValue - b.Absolute.PValue) < 1e-9
                    && f.Absolute.CiLow <= f.Absolute.Value && f.Absolute.Value <= f.Absolute.CiHigh;
            });

    [Property(MaxTest = 300)]
    public Property Adjust_IsMonotoneAndNeverBelowRaw() =>
        Prop.ForAll(
            Gen.Choose(0, 1_000_000).Select(v => v / 1_000_000.0).ArrayOf().Where(a => a.Length > 0).ToArbitrary(),
            p =>
            {
                foreach (var method in new[] { PValueAdjustmentMethod.Bonferroni, PValueAdjustmentMethod.Holm, PValueAdjustmentMethod.BenjaminiHochberg })
                {
                    var adjusted = PValueAdjustment.Adjust(p, method);
                    for (var i = 0; i < p.Length; i++)
                    {
                        if (adjusted[i] < p[i] - 1e-15 || adjusted[i] > 1)
                        {
                            return false;
                        }

                        for (var j = 0; j < p.Length; j++)
                        {
                            if (p[i] < p[j] && adjusted[i] > adjusted[j] + 1e-15)
                            {
                                return false;
                            }
                        }
                    }
                }

                return true;
            });

    [Property(MaxTest = 200)]
    public Property Moments_MergeIsAssociativeAndMatchesWholeSample() =>
        Prop.ForAll(
            Gen.Choose(-100_000, 100_000).Select(v => 1200 + (v / 100.0)).ArrayOf().ToArbitrary(),
            Gen.Choose(-100_000, 100_000).Select(v => 1200 + (v / 100.0)).ArrayOf().ToArbitrary(),
            Gen.Choose(-100_000, 100_000).Select(v => 1200 + (v / 100.0)).ArrayOf().ToArbitrary(),
            (a, b, c) =>
            {
                var ma = Moments.FromValues(a);
                var mb = Moments.FromValues(b);
                var mc = Moments.FromValues(c);
                var left = (ma + mb) + mc;
                var right = ma + (mb + mc);
                var whole = Moments.FromValues([.. a, .. b, .. c]);
                return left.Count == right.Count && left.Count == whole.Count
                    && Near(left.Mean, right.Mean) && Near(left.SumOfSquaredDeviations, right.SumOfSquaredDeviations)
                    && Near(left.Mean, whole.Mean) && Near(left.SumOfSquaredDeviations, whole.SumOfSquaredDeviations);
            });

    [Property(MaxTest = 200)]
    public Property BivariateMoments_MergeMatchesWholeSample() =>
        Prop.ForAll(
            Gen.Choose(0, 1000).Select(v => v / 10.0).Two().ArrayOf().ToArbitrary(),
            Gen.Choose(0, 1000).Select(v => v / 10.0).Two().ArrayOf().ToArbitrary(),
            (a, b) =>
            {
                var ma = BivariateMoments.FromValues(a.Select(p => p.Item1).ToArray(), a.Select(p => p.Item2).ToArray());
                var mb = BivariateMoments.FromValues(b.Select(p => p.Item1).ToArray(), b.Select(p => p.Item2).ToArray());
                var all = a.Concat(b).ToArray();
                var whole = BivariateMoments.FromValues(all.Select(p => p.Item1).ToArray(), all.Select(p => p.Item2).ToArray());
                var merged = ma + mb;
                return merged.Count == whole.Count && Near(merged.SxY, whole.SxY) && Near(merged.SxX, whole.SxX) && Near(merged.MeanY, whole.MeanY);
            });

    private static bool Near(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
}
