using Verdict.Experiments.Analysis;
using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Ladder;
using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Experiments.Metrics;
using Verdict.Reports.Monitoring;
using Verdict.Reports.Text;

namespace Verdict.Reports.Tests.Text;

/// <summary>The monitor's and the ladder's words (docs/monitor.md), from the data the monitor returns, and their place in its JSON.</summary>
public sealed class MonitorTextTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static WindowEvaluation Window(WindowOutcome outcome) => new()
    {
        Metric = "p95_latency",
        Arm = "treatment",
        Start = Start,
        End = Start.AddHours(6),
        Outcome = outcome,
        ControlUnits = 400,
        TreatmentUnits = 49,
        MinSamplePerArm = 50,
        Unit = MetricUnit.Milliseconds,
        IncreaseHarmful = true,
        Threshold = 150,
        Alpha = 0.05,
    };

    [Fact]
    public void Reason_WindowsNotJudged_SayWhy()
    {
        Assert.Equal("49 units in the smaller arm, fewer than the registered 50; not judged", MonitorText.Reason(Window(WindowOutcome.TooSmall)));
        Assert.Equal("no cells for this metric in the window", MonitorText.Reason(Window(WindowOutcome.NoData)));
        Assert.Equal("no estimate in this window: no variance", MonitorText.Reason(Window(WindowOutcome.NoData) with { Diagnostics = ["no variance"] }));
        Assert.Equal(
            "control's stable period (3 windows) is not complete and the guardrail has no budget to judge against meanwhile; not judged",
            MonitorText.Reason(Window(WindowOutcome.Calibrating) with { StablePeriods = 3 }));
    }

    [Fact]
    public void Reason_JudgedWindow_GivesTheTestAndBothArms()
    {
        var breach = Window(WindowOutcome.Breach) with { TreatmentUnits = 410, ControlValue = 1168, TreatmentValue = 1540, Difference = 372, Bound = 322, PValue = 1.6e-13, StablePeriods = 3 };
        Assert.Equal(
            "control's stable period (3 windows) not complete, judged against the budget: +372 ms (one-sided 95% lower bound +322 ms, p = 1.6e-13) breaches the threshold +150 ms (control 1168 ms, treatment 1540 ms, 400/410 units)",
            MonitorText.Reason(breach));
        var decision = new MonitorDecision("p95_latency", "treatment", Experiments.Briefs.MonitorAction.Pause, 2, [breach]);
        Assert.StartsWith("guardrail p95_latency (treatment) breached 2 consecutive window(s) of 6h (the registered streak), last [2026-06-01T00:00:00.0000000+00:00, ", MonitorText.Reason(decision), StringComparison.Ordinal);
        Assert.EndsWith("): " + MonitorText.Reason(breach), MonitorText.Reason(decision), StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions_YoungStageAndLastStage_AreWorded()
    {
        var young = new GateStatus { Stage = "canary-5", Next = "ab-25", HasGate = true, Elapsed = TimeSpan.FromDays(1), MinDuration = TimeSpan.FromDays(2) };
        Assert.Equal(["ran 1d of the registered 2d (too early)", "no monitor breach during the stage"], MonitorText.Conditions(young));
        Assert.Equal("gate of stage canary-5 not passed: ran 1d of the registered 2d (too early); no monitor breach during the stage", MonitorText.Reason(young));
        Assert.Equal(["the last stage; nothing to advance to"], MonitorText.Conditions(new GateStatus { Stage = "ab-50" }));
    }

    [Fact]
    public void Options_WindowAndGate_WriteTheirWordsLast()
    {
        var json = System.Text.Json.JsonDocument.Parse(System.Text.Json.JsonSerializer.Serialize(new GateStatus { Stage = "ab-50", Windows = [Window(WindowOutcome.TooSmall)] }, MonitorJson.Options)).RootElement;
        Assert.Equal(["conditions", "reason"], json.EnumerateObject().Select(p => p.Name).TakeLast(2));
        var window = json.GetProperty("windows")[0];
        Assert.Equal("reason", window.EnumerateObject().Last().Name);
        Assert.Equal(MonitorText.Reason(Window(WindowOutcome.TooSmall)), window.GetProperty("reason").GetString());
        Assert.False(window.TryGetProperty("unit", out _));
    }

    [Fact]
    public void Options_LookWithoutEstimate_WritesReasonsAndSummaryLast()
    {
        var look = new LookRecord
        {
            Arm = "treatment",
            At = Start,
            Registered = [0.5],
            Reached = 1,
            InformationFraction = 0.5123,
            Metric = "resolved_conversation_rate",
            Action = "no_estimate",
            Decision = "INVALID",
            DecisionReasons = [new(ReasonCodes.RegisteredPlan, LaunchDecision.Invalid, new RegisteredPlanEvidence("brief.yaml has no lock"))],
        };
        Assert.Equal("registered look at 0.5 reached (information 0.512), treatment: no estimate; verdict INVALID: registered plan: brief.yaml has no lock", LookText.Summary(look));
        var json = System.Text.Json.JsonDocument.Parse(System.Text.Json.JsonSerializer.Serialize(look, MonitorJson.Options)).RootElement;
        Assert.Equal(["decision", "reasons", "summary"], json.EnumerateObject().Select(p => p.Name).TakeLast(3));
        Assert.Equal("registered plan: brief.yaml has no lock", json.GetProperty("reasons")[0].GetString());
        Assert.Equal(LookText.Summary(look), json.GetProperty("summary").GetString());
    }
}
