using NJsonSchema;
using Verdict.Assignment.Interleaving;
using Verdict.Experiments.Interleaving;
using Verdict.Experiments.Locking;
using Verdict.Testing;

namespace Verdict.Experiments.Tests.Interleaving;

/// <summary>
/// The brief's optional <c>interleaving</c> block: read with its defaults, refused where it cannot hold, declared in the
/// JSON Schema, hashed only when present.
/// </summary>
public sealed class InterleavingBriefTests
{
    [Fact]
    public void Parse_Block_ReadsMethodAndDefaults()
    {
        var design = Example.Interleaved().Interleaving!;
        Assert.Equal(new InterleavingDesign(InterleavingMethod.TeamDraft, "interleaving_impression", "interleaving_click", InterleavingVariance.Clustered), design);
        var custom = Example.Interleaved("interleaving:\n  method: balanced\n  impression_event: serp_shown\n  click_event: serp_click\n  variance: per_query\nsecondary_metrics:").Interleaving!;
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
        var text = Example.BriefText.Replace("secondary_metrics:", Example.InterleavingBlock, StringComparison.Ordinal)
            .Replace("  - name: treatment\n    weight: 0.5\n", "  - name: treatment\n    weight: 0.25\n", StringComparison.Ordinal)
            .Replace("arms:\n", "arms:\n  - name: third\n    weight: 0.25\n", StringComparison.Ordinal);
        var result = Example.Parse(text);
        Assert.Contains(result.Errors, e => e.ToString().Contains("exactly two rankers", StringComparison.Ordinal) && e.ToString().Contains("3 arms", StringComparison.Ordinal));
    }

    [Fact]
    public void Hash_BlockAbsentKeepsTheHash_PresentChangesIt()
    {
        var example = Example.Brief();
        var interleaved = Example.Interleaved();
        Assert.DoesNotContain("interleaving", BriefCanonicalForm.Json(example), StringComparison.Ordinal);
        Assert.Contains("\"interleaving\":{\"click_event\":\"interleaving_click\",\"impression_event\":\"interleaving_impression\",\"method\":\"team_draft\",\"variance\":\"clustered\"}", BriefCanonicalForm.Json(interleaved), StringComparison.Ordinal);
        Assert.NotEqual(BriefCanonicalForm.Hash(example), BriefCanonicalForm.Hash(interleaved));
        Assert.NotEqual(BriefCanonicalForm.Hash(interleaved), BriefCanonicalForm.Hash(Example.Interleaved(Example.InterleavingBlock.Replace("team_draft", "balanced", StringComparison.Ordinal))));
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
}
