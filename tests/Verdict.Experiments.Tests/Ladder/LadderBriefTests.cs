using Verdict.Experiments.Briefs;
using Verdict.Experiments.Ladder;
using Verdict.Experiments.Locking;
using Verdict.Testing;

namespace Verdict.Experiments.Tests.Ladder;

/// <summary>The brief's <c>stages</c> (the rollout ladder): reading, refusals with file:line and path, traffic, and the lock.</summary>
public sealed class LadderBriefTests
{
    [Fact]
    public void Parse_Stages_AreReadWithGatesAndTheTrafficStartsAtTheFirst()
    {
        var result = Example.WithStages(Example.LadderStages);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var brief = result.Brief!;
        Assert.Equal(["shadow", "canary-5", "ab-25", "ab-50"], brief.Stages!.Select(s => s.Name));
        Assert.Equal([RolloutStage.Shadow, RolloutStage.Canary, RolloutStage.AB, RolloutStage.AB], brief.Stages!.Select(s => s.Kind));
        Assert.Equal(new StageGate(TimeSpan.FromDays(1), 500, []), brief.Stages![0].Gate! with { Guardrails = [] });
        Assert.Empty(brief.Stages![0].Gate!.Guardrails);
        Assert.Equal(["p95_latency", "grounded_answer_failure_rate"], brief.Stages![1].Gate!.Guardrails);
        Assert.Equal(StageGate.DefaultMinSamplePerArm, brief.Stages![1].Gate!.MinSamplePerArm);

        // Without a list, a canary or A/B gate holds every guardrail with a budget.
        Assert.Equal(["grounded_answer_failure_rate", "p95_latency", "escalation_rate"], brief.Stages![2].Gate!.Guardrails);
        Assert.Null(brief.Stages![3].Gate);
        Assert.Equal((0.05, RolloutStage.Shadow), (brief.Traffic.Exposure, brief.Traffic.Stage));
    }

    [Theory]
    [InlineData("\nstages:\n  - {name: a, kind: canary, exposure: 0.2}\n  - {name: b, kind: ab, exposure: 0.1}\n", 4, "stages[1].exposure: 0.1 is below stage \"a\"'s 0.2; a ladder only raises exposure (lowering it would drop enrolled units)")]
    [InlineData("\nstages:\n  - {name: a, kind: ab, exposure: 0.2}\n  - {name: b, kind: shadow, exposure: 0.5}\n", 4, "stages[1].kind: a shadow stage cannot follow a ab stage; the ladder climbs shadow → canary → ab")]
    [InlineData("\nstages:\n  - {name: a, kind: canary, exposure: 0.2}\n  - {name: a, kind: ab, exposure: 0.5}\n", 4, "stages[1].name: stage \"a\" is declared twice; stage names are unique")]
    [InlineData("\nstages:\n  - {name: a, kind: canary, exposure: 0}\n", 3, "stages[0].exposure: must lie in (0, 1], got 0")]
    [InlineData("\nstages:\n  - {name: a, kind: canary, exposure: 0.1, gate: {min_duration: 1d}}\n", 3, "stages[0].gate: the last stage has no stage after it, so its gate would never be used; remove it")]
    [InlineData("\nstages:\n  - {name: a, kind: shadow, exposure: 0.1, gate: {min_duration: 1d, guardrails: [p95_latency]}}\n  - {name: b, kind: ab, exposure: 0.5}\n", 3, "stages[0].gate.guardrails: a shadow stage enrols no unit, so there are no arms to compare; its gate counts complete shadow pairs per treatment (compare them with `verdict shadow report`)")]
    [InlineData("\nstages:\n  - {name: a, kind: canary, exposure: 0.1, gate: {min_duration: 1d, guardrails: [answer_tokens]}}\n  - {name: b, kind: ab, exposure: 0.5}\n", 3, "stages[0].gate.guardrails[0]: \"answer_tokens\" is not a guardrail of this brief; known: grounded_answer_failure_rate, p95_latency, escalation_rate")]
    [InlineData("\nstages:\n  - {name: a, kind: canary, exposure: 0.1, gate: {min_duration: 10s}}\n  - {name: b, kind: ab, exposure: 0.5}\n", 3, "stages[0].gate.min_duration: a stage must last at least 1m, got \"10s\"")]
    [InlineData("\nstages:\n  - {name: a, kind: canary, exposure: 0.1, gate: {min_duration: 1d, min_sample_per_arm: 1}}\n  - {name: b, kind: ab, exposure: 0.5}\n", 3, "stages[0].gate.min_sample_per_arm: must be a whole number of at least 2, got 1")]
    [InlineData("\nstages:\n  - {name: a, kind: beta, exposure: 0.1}\n", 3, "stages[0].kind: expected one of shadow, canary, ab, got \"beta\"")]
    [InlineData("\nstages:\n  - {name: a, kind: canary, exposure: 0.1, gates: {}}\n", 3, "stages[0].gates: unknown field \"gates\" (did you mean \"gate\"?)")]
    public void Parse_BadStages_SayWhereAndWhy(string stages, int lineInStages, string expected)
    {
        var result = Example.WithStages(stages);
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors, e => e.ToString().EndsWith(expected, StringComparison.Ordinal));
        var firstLine = Example.BriefText.Replace(Example.LadderTraffic, string.Empty, StringComparison.Ordinal).Split('\n').Length;
        Assert.Equal(firstLine + lineInStages - 1, error.Line);
    }

    [Theory]
    [InlineData("  exposure: 0.5\n", "traffic.exposure: is 0.5 but the ladder starts at stage \"shadow\" with exposure 0.05; leave it out or make them equal")]
    [InlineData("  stage: canary\n", "traffic.stage: is canary but the ladder starts at stage \"shadow\", a shadow stage; leave it out or make them equal")]
    public void Parse_TrafficDisagreeingWithTheFirstStage_IsRefused(string traffic, string expected)
    {
        var result = Example.WithStages(Example.LadderStages, traffic);
        Assert.Contains(result.Errors, e => e.ToString().EndsWith(expected, StringComparison.Ordinal) && e.Line > 0);
        Assert.True(Example.WithStages(Example.LadderStages, "  exposure: 0.05\n  stage: shadow\n").IsValid);
    }

    [Fact]
    public void Hash_Stages_ArePartOfThePlanAndAbsentStagesKeepTheHash()
    {
        var plain = Example.Brief();
        var laddered = Example.WithStages(Example.LadderStages).Brief!;
        Assert.Null(plain.Stages);
        Assert.DoesNotContain("stages", BriefCanonicalForm.Json(plain), StringComparison.Ordinal);
        Assert.NotEqual(BriefCanonicalForm.Hash(plain), BriefCanonicalForm.Hash(laddered));
        Assert.Contains("\"gate\":{\"guardrails\":[],\"min_duration\":\"1d\",\"min_sample_per_arm\":500},\"kind\":\"shadow\",\"name\":\"shadow\"", BriefCanonicalForm.Json(laddered), StringComparison.Ordinal);

        // A gate is the registered plan: changing one changes the hash and is named.
        var changed = Example.WithStages(Example.LadderStages.Replace("min_duration: 7d", "min_duration: 3d", StringComparison.Ordinal)).Brief!;
        Assert.NotEqual(BriefCanonicalForm.Hash(laddered), BriefCanonicalForm.Hash(changed));
        Assert.Contains("stages[2].gate.min_duration: \"1w\" → \"3d\"", BriefCanonicalForm.Differences(changed, BriefCanonicalForm.Lock(laddered)));
    }

    [Fact]
    public async Task BriefSchema_Stages_ValidateAndAMisspeltGateIsRejected()
    {
        var schema = await BriefSchemaTests.Schema("brief.schema.json");
        var text = Example.BriefText.Replace(Example.LadderTraffic, string.Empty, StringComparison.Ordinal) + Example.LadderStages;
        Assert.Empty(schema.Validate(BriefSchemaTests.ToJson(text)).Select(e => e.ToString()));
        Assert.NotEmpty(schema.Validate(BriefSchemaTests.ToJson(text.Replace("min_duration: 2d", "min_durations: 2d", StringComparison.Ordinal))));
        Assert.NotEmpty(schema.Validate(BriefSchemaTests.ToJson(text.Replace("kind: canary", "kind: beta", StringComparison.Ordinal))));
    }
}
