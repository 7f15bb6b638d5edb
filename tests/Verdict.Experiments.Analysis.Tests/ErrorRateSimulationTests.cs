using Verdict.Experiments.Briefs;
using Verdict.Testing;

namespace Verdict.Experiments.Analysis.Tests;

/// <summary>Seeded simulations through the analyzer: A/A false wins near alpha, interval coverage near 95%.</summary>
[Trait("Category", "Slow")]
public sealed class ErrorRateSimulationTests
{
    private const int Trials = 4000;
    private static readonly ExperimentBrief Brief = Example.Brief() with { SecondaryMetrics = [], Segments = [], Guardrails = [], Analysis = Example.Brief().Analysis with { PlannedUnitsPerArm = 2000 } };

    [Fact]
    public void AaExperiments_FalseWinRate_StaysWithinFourToSixPercent()
    {
        var wins = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var data = new SyntheticData(10_000 + trial).Arm("control", 2000, 0.40).Arm("treatment", 2000, 0.40).Build();
            var lift = LaunchAnalyzer.Analyze(Brief, data).Primary!.Lift.Absolute;
            wins += lift.CiLow > 0 || lift.CiHigh < 0 ? 1 : 0;
        }

        Assert.InRange(wins / (double)Trials, 0.04, 0.06);
    }

    [Fact]
    public void TrueEffect_IntervalCoverage_StaysWithin94To96Percent()
    {
        var covered = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var data = new SyntheticData(50_000 + trial).Arm("control", 2000, 0.38).Arm("treatment", 2000, 0.42).Build();
            var lift = LaunchAnalyzer.Analyze(Brief, data).Primary!.Lift.Absolute;
            covered += lift.CiLow <= 0.04 && 0.04 <= lift.CiHigh ? 1 : 0;
        }

        Assert.InRange(covered / (double)Trials, 0.94, 0.96);
    }
}
