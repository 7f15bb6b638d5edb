using FsCheck;
using FsCheck.Fluent;
using Verdict.Statistics.Sequential;
using Xunit;

namespace Verdict.Statistics.Tests.Sequential;

/// <summary>Invariants of group-sequential designs over random looks, budgets and spending families.</summary>
public sealed class GroupSequentialPropertyTests
{
    private static readonly SpendingFunction[] Families =
    [
        SpendingFunction.ObrienFleming, SpendingFunction.Pocock, SpendingFunction.Power(2), SpendingFunction.HwangShihDeCani(-2),
    ];

    private static Gen<double[]> Looks =>
        from k in Gen.Choose(1, 6)
        from cuts in Gen.ArrayOf(Gen.Choose(1, 99), k)
        let inner = cuts.Distinct().Order().Select(c => c / 100.0)
        select inner.Append(1.0).ToArray();

    [Fact]
    public void Create_AnyLooksAndFamily_SpendsExactlyAlphaByTheLastLook()
    {
        Prop.ForAll(
            Looks.ToArbitrary(),
            Gen.Choose(0, 3).ToArbitrary(),
            Gen.Choose(1, 2).ToArbitrary(),
            (looks, family, sides) =>
            {
                var design = GroupSequentialDesign.Create(new GroupSequentialOptions
                {
                    InformationFractions = looks, AlphaSpending = Families[family], Sides = sides, Alpha = 0.05,
                });
                return Math.Abs(design.CumulativeAlpha[^1] - 0.05) < 1e-7
                    && design.CumulativeAlpha.Zip(design.CumulativeAlpha.Skip(1)).All(p => p.First <= p.Second + 1e-15);
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Evaluate_UnregisteredLooks_UseTheBoundaryOfAPlanRegisteredAtThoseLooks()
    {
        var plan = GroupSequentialDesign.Create(new GroupSequentialOptions { InformationFractions = [0.25, 0.5, 0.75, 1] });
        Prop.ForAll(
            Looks.ToArbitrary(),
            looks =>
            {
                var interim = looks[..^1];
                if (interim.Length == 0)
                {
                    return true;
                }

                var evaluation = plan.Evaluate(interim, 0);
                var registered = GroupSequentialDesign.Create(new GroupSequentialOptions { InformationFractions = looks });
                var b = registered.EfficacyBoundaries[interim.Length - 1];
                return b == evaluation.EfficacyBoundary || Math.Abs(b - evaluation.EfficacyBoundary) < 1e-9;
            }).QuickCheckThrowOnFailure();
    }
}
