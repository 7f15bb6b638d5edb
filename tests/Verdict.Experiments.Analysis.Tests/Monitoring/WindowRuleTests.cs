using System.Text.Json;
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
        foreach (var c in Reference().GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_ReferenceCase_MatchesScipyAndStatsmodels(string name)
    {
        var c = Reference().GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        var harmful = c.GetProperty("harmful").GetString() == "increase" ? HarmfulDirection.Increase : HarmfulDirection.Decrease;
        var threshold = c.GetProperty("threshold").GetDouble();
        var alpha = c.GetProperty("alpha").GetDouble();
        var mean = c.GetProperty("type").GetString() == "mean";
        var metric = mean ? "answer_tokens" : "escalation_rate";
        var brief = MonitorWindows.Brief(metric, harmful, new Quantity(threshold, mean ? QuantityUnit.Number : QuantityUnit.Proportion), alpha);
        var window = mean
            ? MonitorWindows.Window(metric, Arm(c.GetProperty("control")), Arm(c.GetProperty("treatment")))
            : MonitorWindows.Window(metric, Share(c.GetProperty("control")), Share(c.GetProperty("treatment")));

        var result = WindowRule.Evaluate(brief, brief.Guardrails[0], window, "treatment", Start, Start.AddHours(1));

        Assert.Equal(c.GetProperty("difference").GetDouble(), result.Difference, 1e-12);
        Assert.Equal(c.GetProperty("p_value").GetDouble(), result.PValue, 1e-9);
        Assert.Equal(c.GetProperty("breach").GetBoolean() ? WindowOutcome.Breach : WindowOutcome.Held, result.Outcome);
        Assert.Equal(harmful == HarmfulDirection.Increase ? threshold : -threshold, result.Threshold);
    }

    [Fact]
    public void Evaluate_ArmBelowTheMinSamplePerArm_IsNotJudged()
    {
        var brief = MonitorWindows.Brief("answer_tokens", HarmfulDirection.Increase, new Quantity(5, QuantityUnit.Number), minimum: 50);
        var window = MonitorWindows.Window("answer_tokens", (400, 400, 60), (49, 600, 60));
        var result = WindowRule.Evaluate(brief, brief.Guardrails[0], window, "treatment", Start, Start.AddHours(1));
        Assert.Equal(WindowOutcome.TooSmall, result.Outcome);
        Assert.Contains("fewer than the registered 50", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoCellsForTheMetric_IsNoData()
    {
        var brief = MonitorWindows.Brief("answer_tokens", HarmfulDirection.Increase, new Quantity(5, QuantityUnit.Number));
        var window = MonitorWindows.Window("escalation_rate", (400, 0.1, 0.3), (400, 0.1, 0.3));
        Assert.Equal(WindowOutcome.NoData, WindowRule.Evaluate(brief, brief.Guardrails[0], window, "treatment", Start, Start.AddHours(1)).Outcome);
    }

    private static (long, double, double) Arm(JsonElement a) => (a.GetProperty("n").GetInt64(), a.GetProperty("mean").GetDouble(), a.GetProperty("sd").GetDouble());

    private static (long, double, double) Share(JsonElement a) => MonitorWindows.Proportion(a.GetProperty("successes").GetInt64(), a.GetProperty("n").GetInt64());

    private static JsonElement Reference()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "window_rule.json")));
        return document.RootElement.Clone();
    }
}
