using Verdict.Experiments.Analysis.Bandits;
using Verdict.Reports.Bandits;
using Verdict.Reports.Interleaving;
using Verdict.Statistics.Bandits;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Interleaving;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Reports.Tests.Bandits;

/// <summary>The bandit and interleaving pages: values escaped, the caveat present, the weights charted.</summary>
public sealed class BanditPageTests
{
    [Fact]
    public void Render_ArmNamesWithMarkup_AreEscapedAndBarsDrawn()
    {
        var state = new BanditState
        {
            Experiment = "prompt<bandit>",
            Version = 1,
            Salt = "s",
            Arms = ["control", "<script>"],
            RewardMetric = "resolved",
            EnrollmentPerPeriod = 0.1,
            Periods =
            [
                new BanditPeriodRecord(0, [0.5, 0.5], DateTimeOffset.UnixEpoch, [0, 0], null, false),
                new BanditPeriodRecord(1, [0.2, 0.8], DateTimeOffset.UnixEpoch.AddDays(1), [120, 130], [0.1, 0.9], true),
            ],
        };
        var cells = new[]
        {
            new BanditCell(0, 0, Moments.FromProportion(60, 120), 0.5),
            new BanditCell(0, 1, Moments.FromProportion(75, 130), 0.5),
        };
        var weights = new BanditWeights([0.2, 0.8], [0.1, 0.9], true, []);
        var report = new BanditReport(state.Experiment, 1, 1, state.Arms, [120, 130], weights, BanditEstimator.Estimate(cells, 2), 3.2);
        var html = BanditPage.Render(state, report, DateTimeOffset.UnixEpoch);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("not a fixed-horizon launch test", html, StringComparison.Ordinal);
        Assert.Contains("id=\"bandit-weights\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"bandit-probability-best\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void InterleavingPage_AllTies_ShowsNoIntervalButADiagnostic()
    {
        var sums = ClusteredInterleavingTally.From([new InterleavingTally(0, 0, 5), new InterleavingTally(0, 0, 3)]);
        var html = InterleavingPage.Render("ranker&co", sums, InterleavingPreference.Analyze(sums.Total), InterleavingPreference.AnalyzeClustered(sums), DateTimeOffset.UnixEpoch);
        Assert.Contains("ranker&amp;co", html, StringComparison.Ordinal);
        Assert.Contains("every query tied", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<circle", html, StringComparison.Ordinal);
    }
}
