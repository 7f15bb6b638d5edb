using NJsonSchema;
using Verdict.Assignment;
using Verdict.Experiments.Analysis;
using Verdict.Statistics;

namespace Verdict.Experiments.Tests.Interleaving;

/// <summary>
/// The brief's optional <c>interleaving</c> block: read with its defaults, refused where it cannot hold, declared in the
/// JSON Schema, hashed only when present; and the verdict the analyzer draws from per-user sums.
/// </summary>
public sealed class InterleavingBriefTests
{
    private const string Block = "interleaving:\n  method: team_draft\nsecondary_metrics:";

    private static ExperimentBrief Brief(string block = Block)
    {
        var result = Example.Edited("secondary_metrics:", block);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Brief!;
    }

    [Fact]
    public void Parse_Block_ReadsMethodAndDefaults()
    {
        var design = Brief().Interleaving!;
        Assert.Equal(new InterleavingDesign(InterleavingMethod.TeamDraft, "interleaving_impression", "interleaving_click", InterleavingVariance.Clustered), design);
        var custom = Brief("interleaving:\n  method: balanced\n  impression_event: serp_shown\n  click_event: serp_click\n  variance: per_query\nsecondary_metrics:").Interleaving!;
        Assert.Equal(new InterleavingDesign(InterleavingMethod.Balanced, "serp_shown", "serp_click", InterleavingVariance.PerQuery), custom);
        Assert.Null(Example.Brief().Interleaving);
    }

    [Theory]
    [InlineData("interleaving:\n  method: coin_flip\nsecondary_metrics:", "interleaving.method")]
    [InlineData("interleaving:\n  variance: per_query\nsecondary_metrics:", "interleaving.method")]
    [InlineData("interleaving:\n  method: team_draft\n  click_event: interleaving_impression\nsecondary_metrics:", "interleaving.click_event")]
    [InlineData("interleaving:\n  method: team_draft\n  winner: b\nsecondary_metrics:", "winner")]
    public void Parse_BadBlock_IsAnErrorAtItsField(string block, string path)
    {
        var result = Example.Edited("secondary_metrics:", block);
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ToString().Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ThreeArms_IsAnErrorNamingTheArms()
    {
        var text = Example.BriefText.Replace("secondary_metrics:", Block, StringComparison.Ordinal)
            .Replace("  - name: treatment\n    weight: 0.5\n", "  - name: treatment\n    weight: 0.25\n", StringComparison.Ordinal)
            .Replace("arms:\n", "arms:\n  - name: third\n    weight: 0.25\n", StringComparison.Ordinal);
        var result = Example.Parse(text);
        Assert.Contains(result.Errors, e => e.ToString().Contains("exactly two rankers", StringComparison.Ordinal) && e.ToString().Contains("3 arms", StringComparison.Ordinal));
    }

    [Fact]
    public void Hash_BlockAbsentKeepsTheHash_PresentChangesIt()
    {
        var example = Example.Brief();
        var interleaved = Brief();
        Assert.DoesNotContain("interleaving", BriefCanonicalForm.Json(example), StringComparison.Ordinal);
        Assert.Contains("\"interleaving\":{\"click_event\":\"interleaving_click\",\"impression_event\":\"interleaving_impression\",\"method\":\"team_draft\",\"variance\":\"clustered\"}", BriefCanonicalForm.Json(interleaved), StringComparison.Ordinal);
        Assert.NotEqual(BriefCanonicalForm.Hash(example), BriefCanonicalForm.Hash(interleaved));
        Assert.NotEqual(BriefCanonicalForm.Hash(interleaved), BriefCanonicalForm.Hash(Brief(Block.Replace("team_draft", "balanced", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Schema_AcceptsTheBlock_RejectsAnUnknownMethod()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "brief.schema.json"), TestContext.Current.CancellationToken);
        var good = Example.BriefText.Replace("secondary_metrics:", "interleaving:\n  method: balanced\n  variance: per_query\nsecondary_metrics:", StringComparison.Ordinal);
        Assert.Empty(schema.Validate(BriefSchemaTests.ToJson(good)).Select(e => e.ToString()));
        var bad = good.Replace("method: balanced", "method: coin_flip", StringComparison.Ordinal);
        Assert.Contains(schema.Validate(BriefSchemaTests.ToJson(bad)), e => e.Path?.Contains("method", StringComparison.Ordinal) == true || e.ToString().Contains("method", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_BPreferredAcrossManyUsers_Ships()
    {
        var report = InterleavingAnalyzer.Analyze(Brief(), Users(200, new InterleavingTally(2, 4, 3)));
        Assert.Equal(LaunchDecision.Ship, report.Decision);
        Assert.Same(report.PerUnit, report.Primary);
        Assert.True(report.PerUnit.CiLow > 0.5);
        Assert.Equal(("control", "treatment"), (report.TeamA, report.TeamB));
        Assert.Contains(report.Checks, c => c.Name == "preference share" && c.Status == CheckStatus.Pass);
    }

    [Fact]
    public void Analyze_APreferred_RollsBack()
    {
        var report = InterleavingAnalyzer.Analyze(Brief(), Users(200, new InterleavingTally(4, 2, 3)));
        Assert.Equal(LaunchDecision.RollBack, report.Decision);
        Assert.True(report.PerUnit.CiHigh < 0.5);
    }

    [Fact]
    public void Analyze_NoPreference_Holds()
    {
        var report = InterleavingAnalyzer.Analyze(Brief(), Users(200, new InterleavingTally(3, 3, 3)));
        Assert.Equal(LaunchDecision.Hold, report.Decision);
        Assert.Equal(0.5, report.PerUnit.ShareB, 12);
    }

    [Fact]
    public void Analyze_NothingToTest_IsInvalid()
    {
        var empty = InterleavingAnalyzer.Analyze(Brief(), default);
        Assert.Equal(LaunchDecision.Invalid, empty.Decision);
        Assert.Contains(empty.Checks, c => c.Name == "impressions" && c.Status == CheckStatus.Fail);
        var ties = InterleavingAnalyzer.Analyze(Brief(), ClusteredInterleavingTally.From(Enumerable.Repeat(new InterleavingTally(0, 0, 4), 50)));
        Assert.Equal(LaunchDecision.Invalid, ties.Decision);
        Assert.Contains(ties.Checks, c => c.Name == "decisive queries" && c.Status == CheckStatus.Fail);
    }

    [Fact]
    public void Analyze_VarianceRegistered_DecidesWhichErrorIsRead()
    {
        // One heavy user carries most of B's wins: queries look independent-significant, the clustered error does not.
        var users = Enumerable.Repeat(new InterleavingTally(3, 3, 1), 40).Append(new InterleavingTally(5, 60, 5)).ToList();
        var sums = ClusteredInterleavingTally.From(users);
        var clustered = InterleavingAnalyzer.Analyze(Brief(), sums);
        var perQuery = InterleavingAnalyzer.Analyze(Brief(Block.Replace("team_draft", "team_draft\n  variance: per_query", StringComparison.Ordinal)), sums);
        Assert.Equal(LaunchDecision.Ship, perQuery.Decision);
        Assert.Equal(InterleavingPreference.Analyze(sums.Total, 0.05), perQuery.Primary);
        Assert.Equal(LaunchDecision.Hold, clustered.Decision);
        Assert.Equal(InterleavingPreference.AnalyzeClustered(sums, 0.05).CiLow, clustered.Primary.CiLow, 15);
    }

    [Fact]
    public void Analyze_FewUnitsClustered_Warns()
    {
        var report = InterleavingAnalyzer.Analyze(Brief(), Users(12, new InterleavingTally(1, 6, 1)));
        Assert.Contains(report.Checks, c => c.Name == "units for the clustered error" && c.Status == CheckStatus.Warn);
    }

    [Fact]
    public void WithPlanProblem_Unlocked_IsInvalidWithTheReasonFirst()
    {
        var report = InterleavingAnalyzer.Analyze(Brief(), Users(200, new InterleavingTally(2, 4, 3))).WithPlanProblem("brief.yaml has no lock");
        Assert.Equal(LaunchDecision.Invalid, report.Decision);
        Assert.Equal(RegisteredPlanCheck.Name, report.Checks[0].Name);
        Assert.StartsWith("registered plan: brief.yaml has no lock", report.Reasons[0], StringComparison.Ordinal);
    }

    /// <summary><paramref name="count"/> users, every other one with one more win on each side (so users differ).</summary>
    private static ClusteredInterleavingTally Users(int count, InterleavingTally each) =>
        ClusteredInterleavingTally.From(Enumerable.Range(0, count).Select(i => i % 2 == 0 ? each : each + new InterleavingTally(1, 1, 0)));
}
