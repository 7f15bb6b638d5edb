using FsCheck;
using FsCheck.Fluent;
using Verdict.Statistics.Paired;
using Xunit;

namespace Verdict.Statistics.Tests.Paired;

/// <summary>Invariants of the paired statistics over generated data.</summary>
public sealed class PairedInvariantTests
{
    private static Arbitrary<int[]> Differences => Gen.Choose(-4, 4).ArrayOf().Where(a => a.Length >= 2).ToArbitrary();

    [Fact]
    public void WilsonInterval_ContainsTheProportionAndStaysInUnitInterval()
    {
        Prop.ForAll(Gen.Choose(1, 500).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (n, k) =>
        {
            var successes = k % (2 * n + 1) / 2.0;
            var interval = WilsonInterval.For(successes, n);
            return interval.CiLow >= 0 && interval.CiHigh <= 1 + 1e-12
                && interval.CiLow <= interval.Proportion + 1e-12 && interval.Proportion <= interval.CiHigh + 1e-12;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void WilsonInterval_NoneOrAllSucceed_BoundsStayInTheUnitInterval()
    {
        // Rounding in centre ∓ half put the bound at −1e-17 or 1 + 2e-16 for some counts (0 of 83 failed the property above).
        for (var n = 1; n <= 500; n++)
        {
            Assert.InRange(WilsonInterval.For(0, n).CiLow, 0, 1);
            Assert.InRange(WilsonInterval.For(n, n).CiHigh, 0, 1);
        }
    }

    [Fact]
    public void SignAndWilcoxon_NegatingDifferences_KeepsTheTwoSidedPValue()
    {
        Prop.ForAll(Differences, values =>
        {
            var d = values.Select(v => (double)v).ToArray();
            var negated = d.Select(v => -v).ToArray();
            return Math.Abs(SignTest.Test(d).PValue - SignTest.Test(negated).PValue) < 1e-12
                && Math.Abs(WilcoxonSignedRank.Test(d).PValue - WilcoxonSignedRank.Test(negated).PValue) < 1e-12;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void PValues_LieInUnitInterval_AndIntervalsContainTheMean()
    {
        Prop.ForAll(Differences, values =>
        {
            var d = values.Select(v => (double)v).ToArray();
            var t = PairedT.Test(d);
            var bootstrap = PairedBootstrap.MeanDifference(d, seed: 3, resamples: 200);
            var mean = d.Average();
            bool InUnit(double p) => p >= 0 && p <= 1;
            return InUnit(SignTest.Test(d).PValue) && InUnit(WilcoxonSignedRank.Test(d).PValue)
                && (!double.IsFinite(t.Difference.PValue) || InUnit(t.Difference.PValue))
                && t.Difference.CiLow <= mean + 1e-12 && mean <= t.Difference.CiHigh + 1e-12
                && bootstrap.CiLow <= bootstrap.CiHigh;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void CohensKappa_IdenticalRaters_IsOne()
    {
        Prop.ForAll(Gen.Choose(0, 2).ArrayOf().Where(a => a.Distinct().Count() >= 2).ToArbitrary(), labels =>
            Math.Abs(CohensKappa.FromLabels(labels, labels).Kappa - 1) < 1e-12).QuickCheckThrowOnFailure();
    }
}
