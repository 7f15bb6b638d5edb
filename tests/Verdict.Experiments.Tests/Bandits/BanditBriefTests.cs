using NJsonSchema;
using Verdict.Experiments.Bandits;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Locking;
using Verdict.Statistics.Bandits;
using Verdict.Testing;

namespace Verdict.Experiments.Tests.Bandits;

/// <summary>
/// The brief's optional <c>bandit</c> block: read with its defaults, refused with the field and the reason where it
/// cannot hold, declared in the JSON Schema, hashed only when present, and the state a bandit starts from.
/// </summary>
public sealed class BanditBriefTests
{
    private const string Block = "bandit:\n  period: 1d\nsecondary_metrics:";

    private static ExperimentBrief Brief(string block = Block)
    {
        var result = Example.Edited("secondary_metrics:", block);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Brief!;
    }

    [Fact]
    public void Parse_Block_ReadsPeriodAndDefaults()
    {
        Assert.Equal(new BanditDesign { Period = TimeSpan.FromDays(1) }, Brief().Bandit);
        var custom = Brief("bandit:\n  period: 6h\n  enrollment_per_period: 0.1\n  method: monte_carlo\n  draws: 2000\n  seed: 4\n  top_two: true\n  min_weight: 0.1\n  min_sample: 50\nsecondary_metrics:").Bandit!;
        Assert.Equal(
            new BanditDesign { Period = TimeSpan.FromHours(6), EnrollmentPerPeriod = 0.1, Method = WeightMethod.MonteCarlo, Draws = 2000, Seed = 4, TopTwo = true, MinWeight = 0.1, MinSample = 50 },
            custom);
        Assert.Null(Example.Brief().Bandit);
    }

    [Theory]
    [InlineData("bandit:\n  enrollment_per_period: 0.1\nsecondary_metrics:", "bandit.period", "required")]
    [InlineData("bandit:\n  period: 30s\nsecondary_metrics:", "bandit.period", "at least 1m")]
    [InlineData("bandit:\n  period: soon\nsecondary_metrics:", "bandit.period", "soon")]
    [InlineData("bandit:\n  period: 1d\n  enrollment_per_period: 0\nsecondary_metrics:", "bandit.enrollment_per_period", "[0.0001, 1]")]
    [InlineData("bandit:\n  period: 1d\n  min_weight: 0.6\nsecondary_metrics:", "bandit.min_weight", "[0, 1/2] for 2 arms")]
    [InlineData("bandit:\n  period: 1d\n  method: thompson\nsecondary_metrics:", "bandit.method", "quadrature, monte_carlo")]
    [InlineData("bandit:\n  period: 1d\n  draws: 0\nsecondary_metrics:", "bandit.draws", "at least 1")]
    [InlineData("bandit:\n  period: 1d\n  min_sample: -1\nsecondary_metrics:", "bandit.min_sample", "negative")]
    [InlineData("bandit:\n  period: 1d\n  horizon: 7d\nsecondary_metrics:", "horizon", "horizon")]
    [InlineData("bandit: daily\nsecondary_metrics:", "bandit", "mapping")]
    public void Parse_BadBlock_IsAnErrorAtItsFieldSayingWhy(string block, string path, string why)
    {
        var result = Example.Edited("secondary_metrics:", block);
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ToString().Contains(path, StringComparison.Ordinal) && e.ToString().Contains(why, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Parse_QuantileReward_IsAnErrorAtThePrimaryMetric()
    {
        var result = Example.Edited("primary_metric: resolved_conversation_rate", "primary_metric: p95_latency\nbandit:\n  period: 1d");
        Assert.Contains(result.Errors, e => e.ToString().Contains("primary_metric", StringComparison.Ordinal) && e.ToString().Contains("binary, count or sum", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WithInterleavingHoldoutOrPartialExposure_IsAnError()
    {
        var both = Example.Edited("secondary_metrics:", "interleaving:\n  method: team_draft\n" + Block);
        Assert.Contains(both.Errors, e => e.ToString().Contains("not both", StringComparison.Ordinal));
        var held = Example.Parse(Example.BriefText.Replace("secondary_metrics:", Block, StringComparison.Ordinal).Replace("  daily_units: 1500", "  daily_units: 1500\n  holdout: {name: q3, fraction: 0.05}", StringComparison.Ordinal));
        Assert.Contains(held.Errors, e => e.ToString().Contains("holdout", StringComparison.Ordinal));
        var partial = Example.Parse(Example.BriefText.Replace("secondary_metrics:", Block, StringComparison.Ordinal).Replace("exposure: 1.0", "exposure: 0.5", StringComparison.Ordinal));
        Assert.Contains(partial.Errors, e => e.ToString().Contains("leave traffic.exposure at 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Hash_BlockAbsentKeepsTheHash_PresentChangesIt()
    {
        var example = Example.Brief();
        var bandit = Brief();
        Assert.DoesNotContain("bandit", BriefCanonicalForm.Json(example), StringComparison.Ordinal);
        Assert.Contains("\"bandit\":{\"draws\":10000,\"enrollment_per_period\":0.05,\"method\":\"quadrature\",\"min_sample\":100,\"min_weight\":0.05,\"period\":\"1d\",\"seed\":1,\"top_two\":false}", BriefCanonicalForm.Json(bandit), StringComparison.Ordinal);
        Assert.NotEqual(BriefCanonicalForm.Hash(example), BriefCanonicalForm.Hash(bandit));
        Assert.NotEqual(BriefCanonicalForm.Hash(bandit), BriefCanonicalForm.Hash(Brief(Block.Replace("1d", "12h", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Schema_AcceptsTheBlock_RejectsAnUnknownMethod()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "brief.schema.json"), TestContext.Current.CancellationToken);
        var good = Example.BriefText.Replace("secondary_metrics:", "bandit:\n  period: 1d\n  method: monte_carlo\n  min_weight: 0.1\nsecondary_metrics:", StringComparison.Ordinal);
        Assert.Empty(schema.Validate(BriefSchemaTests.ToJson(good)).Select(e => e.ToString()));
        var bad = good.Replace("method: monte_carlo", "method: thompson", StringComparison.Ordinal);
        Assert.Contains(schema.Validate(BriefSchemaTests.ToJson(bad)), e => e.Path?.Contains("method", StringComparison.Ordinal) == true || e.ToString().Contains("method", StringComparison.Ordinal));
    }
}
