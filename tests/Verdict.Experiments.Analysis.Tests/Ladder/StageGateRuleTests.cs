using Verdict.Experiments.Analysis.Ladder;
using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;
using Verdict.Testing;

namespace Verdict.Experiments.Analysis.Tests.Ladder;

/// <summary>The ladder's gate rule: which stage a name is, and when a stage may be left.</summary>
public sealed class StageGateRuleTests
{
    [Fact]
    public void IndexOf_StageName_IsItsPlaceAndNoStageIsTheFirst()
    {
        var brief = Example.WithStages(Example.LadderStages).Brief!;
        Assert.Equal(2, StageGateRule.IndexOf(brief, "ab-25"));
        Assert.Equal(0, StageGateRule.IndexOf(brief, null));
    }

    [Fact]
    public void Evaluate_YoungStage_DoesNotPassOrLoadAWindow()
    {
        var brief = Example.WithStages(Example.LadderStages).Brief!;
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var source = new CountingSource();
        var status = StageGateRule.Evaluate(brief, 1, start, start.AddDays(1), source, _ => 0, 0);
        Assert.False(status.Passed);
        Assert.Equal(0, source.Loads);
        Assert.Equal("ab-25", status.Next);
        Assert.Equal((TimeSpan.FromDays(1), TimeSpan.FromDays(2)), (status.Elapsed, status.MinDuration));
        Assert.Empty(status.Windows);

        // A shadow stage counts complete pairs per treatment; a monitor breach in the stage blocks any gate.
        Assert.True(StageGateRule.Evaluate(brief, 0, start, start.AddDays(1), source, _ => 500, 0).Passed);
        Assert.False(StageGateRule.Evaluate(brief, 0, start, start.AddDays(1), source, _ => 499, 0).Passed);
        Assert.False(StageGateRule.Evaluate(brief, 0, start, start.AddDays(1), source, _ => 500, 1).Passed);
        var last = StageGateRule.Evaluate(brief, 3, start, start.AddDays(30), source, _ => 0, 0);
        Assert.False(last.Passed);
        Assert.Null(last.Next);
    }

    private sealed class CountingSource : IMetricWindowSource
    {
        public int Loads { get; private set; }

        public Verdict.Experiments.Analysis.MetricData LoadWindow(ExperimentBrief brief, DateTimeOffset start, DateTimeOffset end)
        {
            Loads++;
            throw new InvalidOperationException("a young stage must not be measured");
        }
    }
}
