using Microsoft.Extensions.AI;
using Verdict.Testing;

namespace Verdict.AI.Judging.Tests;

/// <summary>
/// The online judge's own rules without a stack (docs/sdk.md, "Online judge"): the hash sample of traces and the refused
/// options. The judge over the real server, SDK and model server is tested in Verdict.EndToEnd.Tests.
/// </summary>
public sealed class OnlineJudgeOptionsTests
{
    [Fact]
    public void TraceSample_TenThousandIds_IsDeterministicNestedAndNearTheFraction()
    {
        var ids = Enumerable.Range(0, 10_000).Select(i => $"conv-{i}#1").ToList();
        var fifth = ids.Where(id => TraceSample.Includes("online-judge", id, 0.2)).ToHashSet();
        Assert.Equal(fifth, ids.Where(id => TraceSample.Includes("online-judge", id, 0.2)).ToHashSet());
        Assert.Subset(ids.Where(id => TraceSample.Includes("online-judge", id, 0.3)).ToHashSet(), fifth);
        Assert.InRange(fifth.Count, 2000 - (3 * 40), 2000 + (3 * 40));
        Assert.NotEqual(fifth, ids.Where(id => TraceSample.Includes("another-salt", id, 0.2)).ToHashSet());
        Assert.All(ids, id => Assert.True(TraceSample.Includes("online-judge", id, 1)));
    }

    [Fact]
    public void Options_Invalid_AreRefusedNamingTheSetting()
    {
        var judge = new UnusedChatClient();
        Assert.Equal("Fraction", Assert.ThrowsAny<ArgumentException>(() => Options(judge, 0).Validate()).ParamName);
        Assert.Equal("Fraction", Assert.ThrowsAny<ArgumentException>(() => Options(judge, 1.5).Validate()).ParamName);
        Assert.Equal("Axes", Assert.ThrowsAny<ArgumentException>(() => (Options(judge, 0.1) with { Axes = [] }).Validate()).ParamName);
        Assert.Equal("QueueCapacity", Assert.ThrowsAny<ArgumentException>(() => (Options(judge, 0.1) with { QueueCapacity = 0 }).Validate()).ParamName);
        Assert.Equal("RubricVersion", Assert.ThrowsAny<ArgumentException>(() => (Options(judge, 0.1) with { RubricVersion = " " }).Validate()).ParamName);
    }

    private static OnlineJudgeOptions Options(IChatClient judge, double fraction) => JudgeRubric.Options(judge, fraction);
}
