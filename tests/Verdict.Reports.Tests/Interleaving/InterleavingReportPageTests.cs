using Verdict.Assignment.Interleaving;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Interleaving;
using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Experiments.Interleaving;
using Verdict.Reports.Interleaving;
using Verdict.Statistics.Interleaving;

namespace Verdict.Reports.Tests.Interleaving;

/// <summary>The interleaving brief's report page: the verdict, reasons and checks above the charts, escaped.</summary>
public sealed class InterleavingReportPageTests
{
    [Fact]
    public void Render_Report_ShowsVerdictChecksAndLock()
    {
        var sums = ClusteredInterleavingTally.From(Enumerable.Range(0, 40).Select(i => new InterleavingTally(2, 4 + (i % 3), 1)));
        var report = Report(sums, LaunchDecision.Ship, [new AnalysisCheck("primary", "preference share", CheckStatus.Pass, new NoteEvidence("B <preferred>"), ReasonCodes.InterleavingPreference)]);
        var html = InterleavingPage.Render(report, "abc123", DateTimeOffset.UnixEpoch);
        Assert.Contains("search-ranker v3: balanced interleaving", html, StringComparison.Ordinal);
        Assert.Contains("Verdict: SHIP", html, StringComparison.Ordinal);
        Assert.Contains("B &lt;preferred&gt;", html, StringComparison.Ordinal);
        Assert.Contains("lock sha256 abc123", html, StringComparison.Ordinal);
        Assert.Contains("Team A is ctl&amp;1 (control)", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<circle", StringSplitOptions.None).Length - 1);
    }

    [Fact]
    public void Render_UnlockedInvalid_SaysThePlanIsNotRegistered()
    {
        var report = Report(default, LaunchDecision.Invalid, []);
        var html = InterleavingPage.Render(report, null, DateTimeOffset.UnixEpoch);
        Assert.Contains("Verdict: INVALID", html, StringComparison.Ordinal);
        Assert.Contains("not of a registered plan", html, StringComparison.Ordinal);
    }

    private static InterleavingReport Report(ClusteredInterleavingTally sums, LaunchDecision decision, IReadOnlyList<AnalysisCheck> checks) => new(
        "search-ranker", 3, null, new InterleavingDesign(InterleavingMethod.Balanced, "i", "c", InterleavingVariance.Clustered), "ctl&1", "new",
        sums, InterleavingPreference.Analyze(sums.Total), InterleavingPreference.AnalyzeClustered(sums), decision, [new NoteEvidence("because")], checks);
}
