using FsCheck;
using FsCheck.Fluent;
using Verdict.Statistics.AlwaysValid;
using Verdict.Statistics.Inference;
using Xunit;

namespace Verdict.Statistics.Tests.AlwaysValid;

/// <summary>Invariants of always-valid inference.</summary>
public sealed class AlwaysValidPropertyTests
{
    [Fact]
    public void MixtureSprt_WithGrowthBookTau_IsTheAsymptoticSequence()
    {
        Prop.ForAll(
            Gen.Choose(-300, 300).ToArbitrary(),
            Gen.Choose(1, 100).ToArbitrary(),
            Gen.Choose(10, 100000).ToArbitrary(),
            (e, s, n) =>
            {
                double estimate = e / 100.0, se = s / 1000.0;
                var cs = AsymptoticConfidenceSequence.Evaluate(estimate, se, n);
                var msprt = MixtureSprt.Evaluate(estimate, se, MixtureSprt.DefaultTau(se, n));
                return Math.Abs(cs.CiLow - msprt.CiLow) < 1e-9 * Math.Max(1, Math.Abs(cs.CiLow))
                    && Math.Abs(cs.PValue - msprt.PValue) < 1e-9;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Evaluate_IntervalExcludesZero_ExactlyWhenPValueBelowAlpha()
    {
        Prop.ForAll(
            Gen.Choose(-500, 500).ToArbitrary(),
            Gen.Choose(1, 100).ToArbitrary(),
            (e, s) =>
            {
                var r = MixtureSprt.Evaluate(e / 100.0, s / 100.0, 0.5);
                var excludes = r.CiLow > 0 || r.CiHigh < 0;
                return excludes == (r.PValue < 0.05) || Math.Abs(r.PValue - 0.05) < 1e-9;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AsymptoticSequence_IsWiderThanTheFixedHorizonInterval()
    {
        var sequence = AsymptoticConfidenceSequence.Evaluate(0.1, 0.05, 4000);
        var fixedHorizon = Estimate.FromStatistic(0.1, 0.05, 0.05);

        Assert.True(sequence.CiLow < fixedHorizon.CiLow && sequence.CiHigh > fixedHorizon.CiHigh);
    }

    [Fact]
    public void Observe_KeepsRunningMinimumAndIntersection()
    {
        var state = AlwaysValidSequence.Start
            .Observe(new AlwaysValidResult(0.1, 0.05, 0.2, -0.1, 0.3))
            .Observe(new AlwaysValidResult(0.05, 0.04, 0.4, -0.05, 0.35))
            .Observe(AlwaysValidResult.Missing);

        Assert.Equal(3, state.Looks);
        Assert.Equal(0.2, state.PValue);
        Assert.Equal(-0.05, state.CiLow);
        Assert.Equal(0.3, state.CiHigh);
        Assert.False(state.Rejects(0.05));
    }

    [Fact]
    public void Evaluate_ZeroStandardError_IsMissingNotAnException()
    {
        Assert.False(MixtureSprt.Evaluate(0.1, 0, 0.5).IsAvailable);
        Assert.False(AsymptoticConfidenceSequence.Evaluate(0.1, 0, 100).IsAvailable);
    }
}
