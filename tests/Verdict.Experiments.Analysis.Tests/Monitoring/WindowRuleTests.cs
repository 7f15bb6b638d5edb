using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Quantities;

namespace Verdict.Experiments.Analysis.Tests.Monitoring;

/// <summary>The window rule against scipy (Welch) and statsmodels (Wald) in tests/reference/monitor/window_rule.json.</summary>
public sealed class WindowRuleTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in MonitorReference.WindowRule)
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_ReferenceCase_MatchesScipyAndStatsmodels(string name)
    {
        var c = MonitorReference.WindowRule.Single(x => x.Name == name);
        var harmful = c.Harmful == "increase" ? HarmfulDirection.Increase : HarmfulDirection.Decrease;
        var threshold = c.Threshold;
        var alpha = c.Alpha;
        var mean = c.Type == "mean";
        var metric = mean ? "answer_tokens" : "escalation_rate";
        var brief = MonitorWindows.Brief(metric, harmful, new Quantity(threshold, mean ? QuantityUnit.Number : QuantityUnit.Proportion), alpha);
        var window = mean
            ? MonitorWindows.Window(metric, Arm(c.Control), Arm(c.Treatment))
            : MonitorWindows.Window(metric, Share(c.Control), Share(c.Treatment));

        var result = WindowRule.Evaluate(brief, brief.Guardrails[0], window, "treatment", Start, Start.AddHours(1));

        Assert.Equal(c.Difference, result.Difference, 1e-12);
        Assert.Equal(c.PValue, result.PValue, 1e-9);
        Assert.Equal(c.Breach ? WindowOutcome.Breach : WindowOutcome.Held, result.Outcome);
        Assert.Equal(harmful == HarmfulDirection.Increase ? threshold : -threshold, result.Threshold);
    }

    [Fact]
    public void Evaluate_ArmBelowTheMinSamplePerArm_IsNotJudged()
    {
        var brief = MonitorWindows.Brief("answer_tokens", HarmfulDirection.Increase, new Quantity(5, QuantityUnit.Number), minimum: 50);
        var window = MonitorWindows.Window("answer_tokens", (400, 400, 60), (49, 600, 60));
        var result = WindowRule.Evaluate(brief, brief.Guardrails[0], window, "treatment", Start, Start.AddHours(1));
        Assert.Equal(WindowOutcome.TooSmall, result.Outcome);
        Assert.Equal((49L, 50L), (result.TreatmentUnits, result.MinSamplePerArm));
    }

    [Fact]
    public void Evaluate_NoCellsForTheMetric_IsNoData()
    {
        var brief = MonitorWindows.Brief("answer_tokens", HarmfulDirection.Increase, new Quantity(5, QuantityUnit.Number));
        var window = MonitorWindows.Window("escalation_rate", (400, 0.1, 0.3), (400, 0.1, 0.3));
        Assert.Equal(WindowOutcome.NoData, WindowRule.Evaluate(brief, brief.Guardrails[0], window, "treatment", Start, Start.AddHours(1)).Outcome);
    }

    private static (long, double, double) Arm(WindowArm a) => (a.N, a.Mean!.Value, a.Sd!.Value);

    private static (long, double, double) Share(WindowArm a) => MonitorWindows.Proportion(a.Successes!.Value, a.N);
}
