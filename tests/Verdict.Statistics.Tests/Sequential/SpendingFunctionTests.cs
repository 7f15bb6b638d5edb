using FsCheck;
using FsCheck.Fluent;
using Verdict.Statistics.Sequential;
using Xunit;

namespace Verdict.Statistics.Tests.Sequential;

/// <summary>Invariants of the spending families: they start at 0, end at the budget and never decrease.</summary>
public sealed class SpendingFunctionTests
{
    private static readonly SpendingFunction[] Families =
    [
        SpendingFunction.ObrienFleming, SpendingFunction.Pocock, SpendingFunction.Power(1), SpendingFunction.Power(3),
        SpendingFunction.HwangShihDeCani(-4), SpendingFunction.HwangShihDeCani(0), SpendingFunction.HwangShihDeCani(1),
    ];

    [Fact]
    public void Cumulative_AtEnds_IsZeroAndTheBudget()
    {
        foreach (var f in Families)
        {
            Assert.Equal(0, f.Cumulative(0, 0.05));
            Assert.Equal(0.05, f.Cumulative(1, 0.05), 1e-15);
            Assert.Equal(0.05, f.Cumulative(1.3, 0.05));
        }
    }

    [Fact]
    public void Cumulative_IsNondecreasingWithinBudget()
    {
        Prop.ForAll(
            Gen.Choose(1, 999).ToArbitrary(),
            Gen.Choose(1, 999).ToArbitrary(),
            (a, b) =>
            {
                var (s, t) = (Math.Min(a, b) / 1000.0, Math.Max(a, b) / 1000.0);
                return Families.All(f => f.Cumulative(s, 0.05) <= f.Cumulative(t, 0.05) + 1e-16 && f.Cumulative(t, 0.05) <= 0.05);
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Power_NonPositiveRho_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpendingFunction.Power(0));
    }
}
