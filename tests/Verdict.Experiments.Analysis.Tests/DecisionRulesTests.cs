using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Experiments.Briefs;
using Verdict.Testing;

namespace Verdict.Experiments.Analysis.Tests;

public sealed class DecisionRulesTests
{
    private static readonly DecisionReason Ship = new(ReasonCodes.Ship, LaunchDecision.Ship, new NoteEvidence("ship"));

    private static DecisionReason R(string code, LaunchDecision decision) => new(code, decision, new NoteEvidence(code));

    [Fact]
    public void Decide_NoObjection_ShipsWithTheShipReason()
    {
        var (decision, reasons) = DecisionRules.Decide(Array.Empty<DecisionReason>(), Ship);
        Assert.Equal(LaunchDecision.Ship, decision);
        Assert.Equal([Ship], reasons);
    }

    [Fact]
    public void Decide_MixedReasons_InvalidBeatsRollBackBeatsHoldAndKeepsOnlyTheWinnersInOrder()
    {
        var hold = R(ReasonCodes.PrimaryInconclusive, LaunchDecision.Hold);
        var rollBack1 = R(ReasonCodes.Guardrail, LaunchDecision.RollBack);
        var rollBack2 = R(ReasonCodes.Segment, LaunchDecision.RollBack);
        var invalid = R(ReasonCodes.SampleRatio, LaunchDecision.Invalid);

        AssertDecided(LaunchDecision.Hold, [hold], DecisionRules.Decide([hold], Ship));
        AssertDecided(LaunchDecision.RollBack, [rollBack1, rollBack2], DecisionRules.Decide([hold, rollBack1, rollBack2], Ship));
        AssertDecided(LaunchDecision.Invalid, [invalid], DecisionRules.Decide([hold, rollBack1, invalid], Ship));
    }

    [Fact]
    public void Decide_NothingObjectsAndNoShipReason_Throws()
    {
        Assert.Throws<ArgumentException>(() => DecisionRules.Decide(Array.Empty<DecisionReason>(), null));
    }

    [Fact]
    public void Analyze_EveryCheckAndReason_CarriesACodeFromReasonCodes()
    {
        var known = typeof(ReasonCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet(StringComparer.Ordinal);
        var brief = Example.Brief();
        foreach (var (seed, control, treatment, latency) in new[] { (31, 20_000L, 0.38, 1000.0), (32, 20_000L, 0.42, 1263.0), (33, 1650L, 0.42, 1000.0) })
        {
            var data = new SyntheticData(seed).Arm("control", control, 0.38).Arm("treatment", 20_000, treatment, latencyMedian: latency).Build();
            var report = LaunchAnalyzer.Analyze(brief, data);
            Assert.All(report.Checks, c => Assert.Contains(c.Code, known));
            Assert.All(report.DecisionReasons, r => Assert.Contains(r.Code, known));
            Assert.All(report.DecisionReasons, r => Assert.Equal(report.Decision, r.Decision));
            Assert.Equal(report.Checks.Count, report.Steps.Sum(s => s.Checks.Count));
        }
    }

    [Fact]
    public void Analyze_LatencyBreach_RollsBackWithTheGuardrailCode()
    {
        var data = new SyntheticData(2).Arm("control", 20_000, 0.38).Arm("treatment", 20_000, 0.42, latencyMedian: 1263).Build();
        var report = LaunchAnalyzer.Analyze(Example.Brief() with { SecondaryMetrics = [], Segments = [] }, data);
        Assert.Equal(LaunchDecision.RollBack, report.Decision);
        Assert.Contains(report.DecisionReasons, r => r.Code == ReasonCodes.Guardrail && r.Evidence is GuardrailBudgetEvidence { Outcome.Comparison.Metric: "p95_latency" });
    }

    private static void AssertDecided(LaunchDecision expected, DecisionReason[] reasons, (LaunchDecision Decision, IReadOnlyList<DecisionReason> Reasons) result)
    {
        Assert.Equal(expected, result.Decision);
        Assert.Equal(reasons, result.Reasons);
    }
}
