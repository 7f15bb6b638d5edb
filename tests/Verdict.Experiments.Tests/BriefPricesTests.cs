using Verdict.Experiments.Briefs;
using Verdict.Experiments.Locking;
using Verdict.Testing;

namespace Verdict.Experiments.Tests;

/// <summary>The brief's optional <c>prices</c>: read per model, refused when negative, and hashed only when present.</summary>
public sealed class BriefPricesTests
{
    private const string Prices = "prices:\n  support-generator-v7:\n    input_per_million: 2.5\n    output_per_million: 10\nsecondary_metrics:";

    [Fact]
    public void Parse_Prices_ReadsEveryModel()
    {
        var result = Example.Edited("secondary_metrics:", Prices);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(new TokenPrice(2.5, 10), result.Brief!.Prices!["support-generator-v7"]);
        Assert.Null(Example.Brief().Prices);
    }

    [Fact]
    public void Parse_NegativeOrMissingPrice_IsAnErrorAtItsField()
    {
        var negative = Example.Edited("secondary_metrics:", Prices.Replace("2.5", "-1", StringComparison.Ordinal));
        Assert.Contains(negative.Errors, e => e.ToString().Contains("prices.support-generator-v7.input_per_million", StringComparison.Ordinal));
        var missing = Example.Edited("secondary_metrics:", Prices.Replace("    output_per_million: 10\n", string.Empty, StringComparison.Ordinal));
        Assert.Contains(missing.Errors, e => e.ToString().Contains("output_per_million", StringComparison.Ordinal));
    }

    [Fact]
    public void Hash_PricesAbsentKeepsTheHash_PresentChangesIt()
    {
        var example = Example.Brief();
        var priced = Example.Edited("secondary_metrics:", Prices).Brief!;
        Assert.NotEqual(BriefCanonicalForm.Hash(example), BriefCanonicalForm.Hash(priced));
        Assert.DoesNotContain("prices", BriefCanonicalForm.Json(example), StringComparison.Ordinal);
    }
}
