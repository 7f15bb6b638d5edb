using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Interleaving;
using Verdict.Statistics.Interleaving;
using Verdict.Testing;

namespace Verdict.Experiments.Analysis.Tests.Interleaving;

/// <summary>The verdict the interleaving analyzer draws from per-user sums.</summary>
public sealed class InterleavingAnalyzerTests
{
    [Fact]
    public void Analyze_BPreferredAcrossManyUsers_Ships()
    {
        var report = InterleavingAnalyzer.Analyze(Example.Interleaved(), Users(200, new InterleavingTally(2, 4, 3)));
        Assert.Equal(LaunchDecision.Ship, report.Decision);
        Assert.Same(report.PerUnit, report.Primary);
        Assert.True(report.PerUnit.CiLow > 0.5);
        Assert.Equal(("control", "treatment"), (report.TeamA, report.TeamB));
        Assert.Contains(report.Checks, c => c.Name == "preference share" && c.Status == CheckStatus.Pass);
    }

    [Fact]
    public void Analyze_APreferred_RollsBack()
    {
        var report = InterleavingAnalyzer.Analyze(Example.Interleaved(), Users(200, new InterleavingTally(4, 2, 3)));
        Assert.Equal(LaunchDecision.RollBack, report.Decision);
        Assert.True(report.PerUnit.CiHigh < 0.5);
    }

    [Fact]
    public void Analyze_NoPreference_Holds()
    {
        var report = InterleavingAnalyzer.Analyze(Example.Interleaved(), Users(200, new InterleavingTally(3, 3, 3)));
        Assert.Equal(LaunchDecision.Hold, report.Decision);
        Assert.Equal(0.5, report.PerUnit.ShareB, 12);
    }

    [Fact]
    public void Analyze_NothingToTest_IsInvalid()
    {
        var empty = InterleavingAnalyzer.Analyze(Example.Interleaved(), default);
        Assert.Equal(LaunchDecision.Invalid, empty.Decision);
        Assert.Contains(empty.Checks, c => c.Name == "impressions" && c.Status == CheckStatus.Fail);
        var ties = InterleavingAnalyzer.Analyze(Example.Interleaved(), ClusteredInterleavingTally.From(Enumerable.Repeat(new InterleavingTally(0, 0, 4), 50)));
        Assert.Equal(LaunchDecision.Invalid, ties.Decision);
        Assert.Contains(ties.Checks, c => c.Name == "decisive queries" && c.Status == CheckStatus.Fail);
    }

    [Fact]
    public void Analyze_VarianceRegistered_DecidesWhichErrorIsRead()
    {
        // One heavy user carries most of B's wins: queries look independent-significant, the clustered error does not.
        var users = Enumerable.Repeat(new InterleavingTally(3, 3, 1), 40).Append(new InterleavingTally(5, 60, 5)).ToList();
        var sums = ClusteredInterleavingTally.From(users);
        var clustered = InterleavingAnalyzer.Analyze(Example.Interleaved(), sums);
        var perQuery = InterleavingAnalyzer.Analyze(Example.Interleaved(Example.InterleavingBlock.Replace("team_draft", "team_draft\n  variance: per_query", StringComparison.Ordinal)), sums);
        Assert.Equal(LaunchDecision.Ship, perQuery.Decision);
        Assert.Equal(InterleavingPreference.Analyze(sums.Total, 0.05), perQuery.Primary);
        Assert.Equal(LaunchDecision.Hold, clustered.Decision);
        Assert.Equal(InterleavingPreference.AnalyzeClustered(sums, 0.05).CiLow, clustered.Primary.CiLow, 15);
    }

    [Fact]
    public void Analyze_FewUnitsClustered_Warns()
    {
        var report = InterleavingAnalyzer.Analyze(Example.Interleaved(), Users(12, new InterleavingTally(1, 6, 1)));
        Assert.Contains(report.Checks, c => c.Name == "units for the clustered error" && c.Status == CheckStatus.Warn);
    }

    [Fact]
    public void WithPlanProblem_Unlocked_IsInvalidWithTheReasonFirst()
    {
        var report = InterleavingAnalyzer.Analyze(Example.Interleaved(), Users(200, new InterleavingTally(2, 4, 3))).WithPlanProblem("brief.yaml has no lock");
        Assert.Equal(LaunchDecision.Invalid, report.Decision);
        Assert.Equal(RegisteredPlanCheck.Name, report.Checks[0].Name);
        Assert.Equal(new RegisteredPlanEvidence("brief.yaml has no lock"), report.Reasons[0]);
    }

    /// <summary><paramref name="count"/> users, every other one with one more win on each side (so users differ).</summary>
    private static ClusteredInterleavingTally Users(int count, InterleavingTally each) =>
        ClusteredInterleavingTally.From(Enumerable.Range(0, count).Select(i => i % 2 == 0 ? each : each + new InterleavingTally(1, 1, 0)));
}
