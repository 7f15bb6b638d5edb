using FsCheck;
using FsCheck.Fluent;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Sequential;
using Xunit;

namespace Verdict.Statistics.Tests.Sequential;

/// <summary>The look evaluator: registered looks, spending for unregistered looks, refusals, RCIs and adjusted p-values.</summary>
public sealed class GroupSequentialLookTests
{
    private static readonly GroupSequentialDesign Obf = GroupSequentialDesign.Create(new GroupSequentialOptions
    {
        InformationFractions = [0.25, 0.5, 0.75, 1],
        Alpha = 0.05,
        Sides = 2,
    });

    private static readonly GroupSequentialDesign ClassicObf = GroupSequentialDesign.Create(new GroupSequentialOptions
    {
        InformationFractions = [0.25, 0.5, 0.75, 1],
        Alpha = 0.05,
        Sides = 2,
        Classic = ClassicBoundary.ObrienFleming,
    });

    [Fact]
    public void Evaluate_RegisteredLook_UsesPlannedBoundary()
    {
        var look = Obf.Evaluate([0.25, 0.5], 2.5);

        Assert.Equal(2, look.Look);
        Assert.False(look.Recomputed);
        Assert.Null(look.Note);
        Assert.Equal(Obf.EfficacyBoundaries[1], look.EfficacyBoundary);
        Assert.Equal(Obf.CumulativeAlpha[1], look.CumulativeAlpha);
        Assert.Equal(LookAction.Continue, look.Action);
    }

    [Fact]
    public void Evaluate_BeyondBoundary_StopsForEfficacyOnEitherSide()
    {
        var b = Obf.EfficacyBoundaries[1];

        Assert.Equal(LookAction.StopEfficacy, Obf.Evaluate([0.25, 0.5], b + 1e-9).Action);
        Assert.Equal(LookAction.StopEfficacy, Obf.Evaluate([0.25, 0.5], -b - 1e-9).Action);
        Assert.Equal(LookAction.Continue, Obf.Evaluate([0.25, 0.5], b - 1e-6).Action);
    }

    [Fact]
    public void Evaluate_FinalLookShortOfBoundary_StopsForFutility()
    {
        var look = Obf.Evaluate([0.25, 0.5, 0.75, 1], 1.0);

        Assert.True(look.IsFinal);
        Assert.Equal(LookAction.StopFutility, look.Action);
    }

    [Fact]
    public void Evaluate_UnregisteredLookWithSpending_SpendsAtRealizedInformationAndSaysSo()
    {
        var look = Obf.Evaluate([0.25, 0.58], 2.0);
        var replanned = GroupSequentialDesign.Create(new GroupSequentialOptions { InformationFractions = [0.25, 0.58, 1], Alpha = 0.05, Sides = 2 });

        Assert.True(look.Recomputed);
        Assert.Contains("not registered", look.Note, StringComparison.Ordinal);
        Assert.Equal(replanned.EfficacyBoundaries[1], look.EfficacyBoundary, 1e-9);
        Assert.Equal(replanned.CumulativeAlpha[1], look.CumulativeAlpha, 1e-12);
    }

    [Fact]
    public void Evaluate_ExtraLookBeyondPlan_IsSpentFor()
    {
        var look = Obf.Evaluate([0.25, 0.5, 0.75, 0.9, 1], 1.5);

        Assert.Equal(5, look.Look);
        Assert.True(look.Recomputed);
        Assert.True(look.IsFinal);
        Assert.Equal(0.05, look.CumulativeAlpha, 1e-9);
    }

    [Fact]
    public void Evaluate_EarlyFinalLook_SpendsAllRemainingAlpha()
    {
        var look = Obf.Evaluate([0.25, 0.5, 0.9], 1.0, finalLook: true);

        Assert.True(look.IsFinal);
        Assert.True(look.Recomputed);
        Assert.Equal(0.05, look.CumulativeAlpha, 1e-9);
        Assert.Equal(LookAction.StopFutility, look.Action);
    }

    [Fact]
    public void Evaluate_UnregisteredLookWithClassicBoundary_IsRefusedWithTheReason()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassicObf.Evaluate([0.25, 0.6], 2.0));

        Assert.Contains("was not registered", error.Message, StringComparison.Ordinal);
        Assert.Contains("spending function", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LookAfterTheFinalOne_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Obf.Evaluate([0.25, 0.5, 0.75, 1, 1.1], 2.0));
    }

    [Fact]
    public void Evaluate_NonIncreasingFractions_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => Obf.Evaluate([0.5, 0.4], 2.0));
    }

    [Fact]
    public void Evaluate_OneSidedWithFutility_StopsBelowFutilityBoundary()
    {
        var design = GroupSequentialDesign.Create(new GroupSequentialOptions
        {
            InformationFractions = [0.3, 0.7, 1],
            Alpha = 0.025,
            Sides = 1,
            BetaSpending = SpendingFunction.ObrienFleming,
        });
        var f = design.FutilityBoundaries![1];

        Assert.Equal(LookAction.StopFutility, design.Evaluate([0.3, 0.7], f - 0.01).Action);
        Assert.Equal(LookAction.Continue, design.Evaluate([0.3, 0.7], f + 0.01).Action);
        Assert.Equal(f, design.Evaluate([0.3, 0.7], 0).FutilityBoundary);
    }

    [Fact]
    public void Evaluate_FromEstimate_GivesRepeatedIntervalThatExcludesZeroExactlyWhenStopping()
    {
        var b = Obf.EfficacyBoundaries[0];
        var stop = Obf.Evaluate([0.25], new Estimate(b * 0.01 * 1.001, 0.01, 0, 0, 0, 0, 0));
        var go = Obf.Evaluate([0.25], new Estimate(b * 0.01 * 0.999, 0.01, 0, 0, 0, 0, 0));

        Assert.Equal(LookAction.StopEfficacy, stop.Action);
        Assert.True(stop.RepeatedCiLow > 0);
        Assert.Equal(LookAction.Continue, go.Action);
        Assert.True(go.RepeatedCiLow < 0 && go.RepeatedCiHigh > 0);
    }

    [Fact]
    public void StageWiseAdjustedPValue_AtFirstLook_IsTheNominalPValue()
    {
        var p = Obf.StageWiseAdjustedPValue([0.25], 3.1);

        Assert.Equal(2 * SequentialIntegrator.Phi(-3.1), p, 1e-12);
    }

    [Fact]
    public void StageWiseAdjustedPValue_OnTheBoundary_EqualsAlphaSpentSoFar()
    {
        for (var k = 1; k <= 4; k++)
        {
            var looks = Obf.InformationFractions.Take(k).ToArray();
            Assert.Equal(Obf.CumulativeAlpha[k - 1], Obf.StageWiseAdjustedPValue(looks, Obf.EfficacyBoundaries[k - 1]), 1e-8);
        }
    }

    [Fact]
    public void StageWiseAdjustedPValue_IsMonotoneInTheStatistic()
    {
        Prop.ForAll(
            Gen.Choose(0, 400).Select(i => i / 100.0).ToArbitrary(),
            Gen.Choose(1, 4).ToArbitrary(),
            (z, k) =>
            {
                var looks = Obf.InformationFractions.Take(k).ToArray();
                return Obf.StageWiseAdjustedPValue(looks, z) >= Obf.StageWiseAdjustedPValue(looks, z + 0.1) - 1e-12;
            }).QuickCheckThrowOnFailure();
    }
}
