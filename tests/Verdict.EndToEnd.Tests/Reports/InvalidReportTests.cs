using Verdict.Experiments.Analysis;
using Verdict.Experiments.Simulation;
using Verdict.Reports.Html;

namespace Verdict.EndToEnd.Tests.Reports;

public sealed class InvalidReportTests
{
    [Fact]
    public void Render_SampleRatioMismatch_ShowsInvalidWithoutAnyLiftButWithArmCounts()
    {
        using var srm = new AnalysedExperiment(SupportBotFailures.Srm);
        Assert.Equal(LaunchDecision.Invalid, srm.Analysis.Decision);
        var html = HtmlReport.Render(srm.Content);
        Assert.Contains("data-decision=\"INVALID\"><div class=\"decision\">INVALID</div>", html, StringComparison.Ordinal);
        Assert.Contains("<figure id=\"forest-plot\" class=\"empty\"", html, StringComparison.Ordinal);
        Assert.Contains("<figure id=\"arm-counts\" class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"FAIL\"><td>integrity</td><td>sample ratio</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LatencyRegression_ShowsRollBackAndTheFailedGuardrail()
    {
        using var latency = new AnalysedExperiment(SupportBotFailures.LatencyRegression);
        Assert.Equal(LaunchDecision.RollBack, latency.Analysis.Decision);
        var html = HtmlReport.Render(latency.Content);
        Assert.Contains("class=\"banner decision-roll-back\" data-decision=\"ROLL BACK\"", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"FAIL\"><td>guardrails</td><td>p95_latency</td>", html, StringComparison.Ordinal);
    }
}
