using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Did;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Tests.Reference;
using Xunit;

namespace Verdict.Statistics.Tests.DifferenceInDifferences;

/// <summary>Pins the 2×2, two-way fixed-effects and event-study estimates to statsmodels (tests/reference/did/generate.py).</summary>
public sealed class DidReferenceTests
{
    public static TheoryData<string> Names => new(DidReference.Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Estimate_SeededPanel_MatchesStatsmodelsClusterRobustOls(string name)
    {
        var c = DidReference.Case(name);
        var result = Verdict.Statistics.Did.DifferenceInDifferences.Estimate(DidReference.Panel(c), new DidOptions { Alpha = c.Alpha });

        // Tolerance 1e-8 relative: the within transformation and statsmodels' dummy regression agree to ~1e-11.
        Assert.True(result.IsEstimated, result.Refusal);
        Assert.Equal(c.AdoptionPeriod, result.AdoptionPeriod);
        Assert.Equal(c.Clusters, result.Clusters);
        Close.Block(c.TwoByTwo, result.TwoByTwo, "2x2", 1e-8);
        Close.Block(c.Twfe, result.TwoWayFixedEffects, "twfe", 1e-8);
        var cells = c.Cells;
        Close.Equal(cells.ControlPre, result.Cells!.ControlPre, what: "control_pre");
        Close.Equal(cells.TreatedPost, result.Cells.TreatedPost, what: "treated_post");
        foreach (var expected in c.EventStudy)
        {
            var k = expected.RelativePeriod;
            Close.Block(expected, result.EventStudy.Single(e => e.RelativePeriod == k).Effect, $"event {k}", 1e-8);
        }

        var reference = Assert.Single(result.EventStudy, e => e.IsReference);
        Assert.Equal(0, reference.Effect.Value);
        Assert.Equal(-1, reference.RelativePeriod);
        if (c.PreTrend is null)
        {
            Assert.Null(result.PreTrend);
            return;
        }

        var pre = c.PreTrend;
        Close.Equal(pre.Statistic, result.PreTrend!.Statistic, 1e-8, "F");
        Close.Equal(pre.PValue, result.PreTrend.PValue, 1e-7, "F p-value");
        Assert.Equal(pre.DfNum, result.PreTrend.NumeratorDf);
        Assert.Equal(pre.DfDenom, result.PreTrend.DenominatorDf);
    }

    [Fact]
    public void Estimate_DriftingTreatedGroup_WarnsThatLeadsAreNotFlat()
    {
        var result = Verdict.Statistics.Did.DifferenceInDifferences.Estimate(DidReference.Panel(DidReference.Case("pre_trend")));

        Assert.False(result.PreTrend!.Flat);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.PreTrend && d.Message.Contains("not flat", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_ParallelPanel_LeadsAreFlatAndNoPreTrendWarning()
    {
        var result = Verdict.Statistics.Did.DifferenceInDifferences.Estimate(DidReference.Panel(DidReference.Case("balanced_unit_clusters")));

        Assert.True(result.PreTrend!.Flat);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCode.PreTrend);
    }
}
