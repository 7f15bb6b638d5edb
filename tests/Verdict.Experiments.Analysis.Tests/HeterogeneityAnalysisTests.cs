using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Briefs;
using Verdict.Testing;

namespace Verdict.Experiments.Analysis.Tests;

/// <summary>The segment step's heterogeneity checks: interaction test, BH across slices, a critical slice against an improving average.</summary>
public sealed class HeterogeneityAnalysisTests
{
    private static MetricData Tiers(int seed, double enterpriseControl, double enterpriseTreatment, long enterpriseUnits)
    {
        var builder = new SyntheticData(seed)
            .Arm("control", 20_000, 0.38).Arm("treatment", 20_000, 0.42)
            .Arm("control", 16_000, 0.38, scope: CellScope.Segment, scopeName: "tier", scopeValue: "consumer")
            .Arm("treatment", 16_000, 0.44, scope: CellScope.Segment, scopeName: "tier", scopeValue: "consumer")
            .Arm("control", enterpriseUnits, enterpriseControl, scope: CellScope.Segment, scopeName: "tier", scopeValue: "enterprise")
            .Arm("treatment", enterpriseUnits, enterpriseTreatment, scope: CellScope.Segment, scopeName: "tier", scopeValue: "enterprise");
        builder.Segments["tier"] = new Dictionary<string, IReadOnlyDictionary<string, long>>
        {
            ["consumer"] = new Dictionary<string, long> { ["control"] = 16_000, ["treatment"] = 16_000 },
            ["enterprise"] = new Dictionary<string, long> { ["control"] = enterpriseUnits, ["treatment"] = enterpriseUnits },
        };
        return builder.Build();
    }

    private static ExperimentBrief Brief => Example.Brief() with { SecondaryMetrics = [], Guardrails = [], Segments = [new Segment("tier", "tier", Critical: true)] };

    [Fact]
    public void Analyze_CriticalSliceRegressesWhileAverageImproves_FlagsAndRollsBack()
    {
        var report = LaunchAnalyzer.Analyze(Brief, Tiers(21, 0.45, 0.35, 4_000));

        Assert.True(report.Primary!.Lift.Absolute.CiLow > 0);
        var flag = Assert.Single(report.Checks, c => c.Name == "critical slice against the average (tier=enterprise)");
        Assert.Equal(CheckStatus.Fail, flag.Status);
        Assert.True(Assert.IsType<CriticalSliceEvidence>(flag.Evidence).Slice.Lift.Absolute.CiHigh < 0);
        var interaction = Assert.Single(report.Checks, c => c.Name == "heterogeneity (tier)");
        Assert.Equal(CheckStatus.Warn, interaction.Status);
        var heterogeneity = Assert.IsType<HeterogeneityEvidence>(interaction.Evidence);
        Assert.Equal(("tier", 2), (heterogeneity.Segment, heterogeneity.Test.Slices));
        Assert.True(heterogeneity.Differs);
        Assert.Equal(LaunchDecision.RollBack, report.Decision);
    }

    [Fact]
    public void Analyze_CriticalSliceDipsWithinNoise_WarnsWithoutBlocking()
    {
        var report = LaunchAnalyzer.Analyze(Brief, Tiers(22, 0.40, 0.38, 1_000));

        var flag = Assert.Single(report.Checks, c => c.Name.StartsWith("critical slice against the average", StringComparison.Ordinal));
        Assert.Equal(CheckStatus.Warn, flag.Status);
        Assert.False(Assert.IsType<CriticalSliceEvidence>(flag.Evidence).Slice.Lift.Absolute.CiHigh < 0);
        Assert.Equal(LaunchDecision.Ship, report.Decision);
    }

    [Fact]
    public void Analyze_SliceEffects_ListsBenjaminiHochbergDiscoveries()
    {
        var report = LaunchAnalyzer.Analyze(Brief, Tiers(23, 0.38, 0.44, 4_000));

        var bh = Assert.Single(report.Checks, c => c.Name == "segment effects, Benjamini–Hochberg");
        Assert.Equal(CheckStatus.Info, bh.Status);
        var discoveries = Assert.IsType<SegmentFamilyEvidence>(bh.Evidence).Discoveries.Select(d => $"{d.Slice.Segment}={d.Slice.Value}").ToList();
        Assert.Contains("tier=consumer", discoveries);
        Assert.Contains("tier=enterprise", discoveries);
        Assert.DoesNotContain(report.Checks, c => c.Name.StartsWith("critical slice against", StringComparison.Ordinal));
        Assert.Equal(CheckStatus.Info, Assert.Single(report.Checks, c => c.Name == "heterogeneity (tier)").Status);
    }
}
