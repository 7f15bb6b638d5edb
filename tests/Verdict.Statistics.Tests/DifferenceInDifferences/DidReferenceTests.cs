using System.Text.Json;
using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Did;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Tests.Reference;
using Xunit;

namespace Verdict.Statistics.Tests.DifferenceInDifferences;

/// <summary>Pins the 2×2, two-way fixed-effects and event-study estimates to statsmodels (tests/reference/did/generate.py).</summary>
public sealed class DidReferenceTests
{
    public static TheoryData<string> Names => new(DidReference.Cases.Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Names))]
    public void Estimate_SeededPanel_MatchesStatsmodelsClusterRobustOls(string name)
    {
        var c = DidReference.Case(name);
        var result = Verdict.Statistics.Did.DifferenceInDifferences.Estimate(DidReference.Panel(c), new DidOptions { Alpha = c.D("alpha") });

        // Tolerance 1e-8 relative: the within transformation and statsmodels' dummy regression agree to ~1e-11.
        Assert.True(result.IsEstimated, result.Refusal);
        Assert.Equal(c.GetProperty("adoption_period").GetInt32(), result.AdoptionPeriod);
        Assert.Equal(c.GetProperty("clusters").GetInt32(), result.Clusters);
        Close.Block(c.GetProperty("two_by_two"), result.TwoByTwo, "2x2", 1e-8);
        Close.Block(c.GetProperty("twfe"), result.TwoWayFixedEffects, "twfe", 1e-8);
        var cells = c.GetProperty("cells");
        Close.Equal(cells.D("control_pre"), result.Cells!.ControlPre, what: "control_pre");
        Close.Equal(cells.D("treated_post"), result.Cells.TreatedPost, what: "treated_post");
        foreach (var expected in c.GetProperty("event_study").EnumerateArray())
        {
            var k = expected.GetProperty("relative_period").GetInt32();
            Close.Block(expected, result.EventStudy.Single(e => e.RelativePeriod == k).Effect, $"event {k}", 1e-8);
        }

        var reference = Assert.Single(result.EventStudy, e => e.IsReference);
        Assert.Equal(0, reference.Effect.Value);
        Assert.Equal(-1, reference.RelativePeriod);
        if (c.GetProperty("pre_trend").ValueKind == JsonValueKind.Null)
        {
            Assert.Null(result.PreTrend);
            return;
        }

        var pre = c.GetProperty("pre_trend");
        Close.Equal(pre.D("statistic"), result.PreTrend!.Statistic, 1e-8, "F");
        Close.Equal(pre.D("p_value"), result.PreTrend.PValue, 1e-7, "F p-value");
        Assert.Equal(pre.GetProperty("df_num").GetInt32(), result.PreTrend.NumeratorDf);
        Assert.Equal(pre.D("df_denom"), result.PreTrend.DenominatorDf);
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
