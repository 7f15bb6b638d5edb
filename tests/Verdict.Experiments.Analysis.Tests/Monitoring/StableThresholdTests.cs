using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Locking;
using Verdict.Experiments.Quantities;
using Verdict.Testing;

namespace Verdict.Experiments.Analysis.Tests.Monitoring;

/// <summary>
/// The threshold derived from control's stable period (docs/monitor.md): the formula against numpy
/// (tests/reference/monitor/stable_threshold.json), the brief block, and the ledger's calibration.
/// </summary>
public sealed class StableThresholdTests
{
    private const string Rule = "budget: 150ms\n    rule: observed_delta";
    private static readonly DateTimeOffset Origin = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_ReferenceCases_MatchNumpy()
    {
        var cases = MonitorReference.StableThreshold;
        Assert.True(cases.Count >= 40);
        foreach (var c in cases)
        {
            var rule = new ControlStableThreshold(c.Values.Count, c.K, c.Quantile);
            var expected = c.Threshold;
            var actual = rule.From(c.Values, c.Harmful == "increase");
            Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{c.Name}: {actual} vs numpy {expected}");
        }
    }

    [Fact]
    public void From_OneWindow_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new ControlStableThreshold(2, 3, null).From([1.0], increaseIsHarmful: true));

    [Fact]
    public void Parse_ControlStableThreshold_IsReadAndHashed()
    {
        var result = Example.Edited(Rule, Rule + "\n    monitor:\n      window: 6h\n      threshold: {from: control_stable, periods: 8, k: 3}\n      action: alert");
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var monitor = result.Brief!.Guardrails[1].Monitor!;
        Assert.Null(monitor.Threshold);
        Assert.Equal(new ControlStableThreshold(8, 3, null), monitor.StableThreshold);
        Assert.Contains("\"stable_threshold\":{\"k\":3,\"periods\":8}", BriefCanonicalForm.Json(result.Brief), StringComparison.Ordinal);

        var quantile = Example.Edited(Rule, Rule + "\n    monitor: {window: 6h, threshold: {from: control_stable, periods: 8, quantile: 0.95}, action: alert}").Brief!;
        Assert.Equal(new ControlStableThreshold(8, null, 0.95), quantile.Guardrails[1].Monitor!.StableThreshold);
        Assert.NotEqual(BriefCanonicalForm.Hash(result.Brief), BriefCanonicalForm.Hash(quantile));
    }

    [Theory]
    [InlineData("{from: control_noise, periods: 4, k: 2}", "guardrails[1].monitor.threshold.from: the only derived threshold is control_stable (control's own stable-period windows), got \"control_noise\"")]
    [InlineData("{from: control_stable, periods: 1, k: 2}", "guardrails[1].monitor.threshold.periods: must be a whole number of windows from 2 to 1000 (a standard deviation needs two), got 1")]
    [InlineData("{from: control_stable, k: 2}", "guardrails[1].monitor.threshold.periods: required field is missing")]
    [InlineData("{from: control_stable, periods: 4}", "guardrails[1].monitor.threshold.k: give exactly one of k (a multiple of control's window standard deviation) and quantile (of control's window values)")]
    [InlineData("{from: control_stable, periods: 4, k: 2, quantile: 0.9}", "guardrails[1].monitor.threshold.quantile: give exactly one of k (a multiple of control's window standard deviation) and quantile (of control's window values)")]
    [InlineData("{from: control_stable, periods: 4, k: 0}", "guardrails[1].monitor.threshold.k: must be a number above 0 and at most 100, got 0")]
    [InlineData("{from: control_stable, periods: 4, quantile: 0.4}", "guardrails[1].monitor.threshold.quantile: must lie strictly between 0.5 and 1 (an upper quantile of control's window values), got 0.4")]
    [InlineData("{from: control_stable, periods: 4, k: 2, sigma: 1}", "guardrails[1].monitor.threshold.sigma")]
    public void Parse_BadControlStableThreshold_SaysWhereAndWhy(string threshold, string expected)
    {
        var result = Example.Edited(Rule, Rule + "\n    monitor: {window: 1h, action: pause, threshold: " + threshold + "}");
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Advance_NoBudget_CalibratesOnControlThenJudgesAgainstKSigma()
    {
        // Control's first three windows: 400, 404, 396 tokens (sd 4): threshold 2·4 = 8 tokens.
        var ledger = new MonitorLedger(Brief(budget: null), Origin);
        var steps = ledger.Advance(new Scripted((400, 460), (404, 464), (396, 456), (400, 430), (400, 410)), Origin.AddHours(5));
        Assert.Equal([WindowOutcome.Calibrating, WindowOutcome.Calibrating, WindowOutcome.Calibrating, WindowOutcome.Breach, WindowOutcome.Held], steps.Select(s => s.Window.Outcome));
        Assert.Equal(8, ledger.Tracks[0].Derived!.Value.Value, 12);
        Assert.Equal([400.0, 404.0, 396.0], ledger.Tracks[0].StableValues);
        Assert.All(steps.Skip(3), s => Assert.Equal(8, s.Window.Threshold, 12));

        // +10 tokens is above the threshold, but its one-sided bound (10 − 1.645·4.2) is not: held, not breached.
        Assert.True(steps[4].Window.Difference > 8 && steps[4].Window.Bound < 8);
    }

    [Fact]
    public void Advance_WithBudget_JudgesCalibratingWindowsAgainstTheBudget()
    {
        var ledger = new MonitorLedger(Brief(budget: new Quantity(5, QuantityUnit.Number)), Origin);
        var steps = ledger.Advance(new Scripted((400, 460), (404, 404), (396, 396), (400, 430)), Origin.AddHours(4));
        Assert.Equal([WindowOutcome.Breach, WindowOutcome.Held, WindowOutcome.Held, WindowOutcome.Breach], steps.Select(s => s.Window.Outcome));
        Assert.Equal([5.0, 5.0, 5.0, 8.0], steps.Select(s => Math.Round(s.Window.Threshold, 9)));
        Assert.Equal(3, steps[0].Window.StablePeriods);
    }

    [Fact]
    public void Advance_SmallControlWindow_DoesNotEnterTheStablePeriod()
    {
        var ledger = new MonitorLedger(Brief(budget: null), Origin);
        ledger.Advance(new Scripted((400, 400, 400), (900, 900, 20), (404, 404, 400), (396, 396, 400)), Origin.AddHours(4));
        Assert.Equal([400.0, 404.0, 396.0], ledger.Tracks[0].StableValues);
    }

    private static ExperimentBrief Brief(Quantity? budget)
    {
        var brief = Example.Brief();
        var guardrail = new Guardrail("answer_tokens", HarmfulDirection.Increase, budget, GuardrailRule.ObservedDelta, null)
        {
            Monitor = new GuardrailMonitor(TimeSpan.FromHours(1), null, 100, 1, MonitorAction.Alert, 0.05) { StableThreshold = new ControlStableThreshold(3, 2, null) },
        };
        return brief with { Guardrails = [guardrail] };
    }

    /// <summary>Hour k's window: control and treatment means of answer tokens (sd 60), 400 units per arm unless given.</summary>
    private sealed class Scripted(params (double Control, double Treatment, long Units)[] hours) : IMetricWindowSource
    {
        public Scripted(params (double Control, double Treatment)[] hours)
            : this([.. hours.Select(h => (h.Control, h.Treatment, 400L))])
        {
        }

        public MetricData LoadWindow(ExperimentBrief brief, DateTimeOffset start, DateTimeOffset end)
        {
            var (control, treatment, units) = hours[(int)(start - Origin).TotalHours];
            return MonitorWindows.Window("answer_tokens", (units, control, 60), (units, treatment, 60));
        }
    }
}
