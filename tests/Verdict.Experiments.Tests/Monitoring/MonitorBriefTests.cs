using Verdict.Experiments.Briefs;
using Verdict.Experiments.Locking;
using Verdict.Experiments.Quantities;
using Verdict.Testing;

namespace Verdict.Experiments.Tests.Monitoring;

/// <summary>The brief's <c>guardrails[i].monitor</c> block: reading, refusals with their place, and the lock.</summary>
public sealed class MonitorBriefTests
{
    private const string Rule = "budget: 150ms\n    rule: observed_delta";

    [Fact]
    public void Parse_MonitorBlock_IsRead()
    {
        var result = Example.Edited(Rule, Rule + "\n    monitor:\n      window: 30m\n      threshold: 0.2s\n      min_sample_per_arm: 300\n      consecutive: 3\n      action: rollback\n      alpha: 0.01");
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var monitor = result.Brief!.Guardrails[1].Monitor!;
        Assert.Equal(new GuardrailMonitor(TimeSpan.FromMinutes(30), new Quantity(200, QuantityUnit.Milliseconds), 300, 3, MonitorAction.Rollback, 0.01), monitor);
    }

    [Fact]
    public void Parse_MonitorBlockWithDefaults_FallsBackToTheBudget()
    {
        var brief = Example.Edited(Rule, Rule + "\n    monitor: {window: 1h, action: alert}").Brief!;
        Assert.Equal(new GuardrailMonitor(TimeSpan.FromHours(1), null, GuardrailMonitor.DefaultMinSamplePerArm, 1, MonitorAction.Alert, null), brief.Guardrails[1].Monitor);
    }

    [Theory]
    [InlineData("{window: 1h, action: shout}", "guardrails[1].monitor.action: expected one of alert, pause, rollback, review_spend, got \"shout\"")]
    [InlineData("{window: 20s, action: pause}", "guardrails[1].monitor.window: a window must last at least 1m, got \"20s\"")]
    [InlineData("{window: 1h, action: pause, consecutive: 0}", "guardrails[1].monitor.consecutive: must be a whole number from 1 to 1000, got 0")]
    [InlineData("{window: 1h, action: pause, threshold: 3pp}", "guardrails[1].monitor.threshold: expected milliseconds, got \"3pp\"")]
    [InlineData("{window: 1h, action: pause, min_sample_per_arm: 1}", "guardrails[1].monitor.min_sample_per_arm: must be a whole number of at least 2 (a window test needs a variance), got 1")]
    [InlineData("{window: 1h, action: pause, alpha: 0.5}", "guardrails[1].monitor.alpha: must lie strictly between 0 and 0.5 (a one-sided level), got 0.5")]
    [InlineData("{action: pause}", "guardrails[1].monitor.window: required field is missing")]
    public void Parse_BadMonitorBlock_SaysWhereAndWhy(string block, string expected)
    {
        var result = Example.Edited(Rule, Rule + "\n    monitor: " + block);
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ToString().EndsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Hash_MonitorBlock_IsPartOfThePlanAndAbsentBlockKeepsTheHash()
    {
        var plain = Example.Brief();
        var monitored = Example.Edited(Rule, Rule + "\n    monitor: {window: 1h, action: pause}").Brief!;
        Assert.NotEqual(BriefCanonicalForm.Hash(plain), BriefCanonicalForm.Hash(monitored));
        Assert.DoesNotContain("monitor", BriefCanonicalForm.Json(plain), StringComparison.Ordinal);
        Assert.Contains("\"monitor\":{\"action\":\"pause\",\"consecutive\":1,\"min_sample_per_arm\":100,\"window\":\"1h\"}", BriefCanonicalForm.Json(monitored), StringComparison.Ordinal);
    }
}
