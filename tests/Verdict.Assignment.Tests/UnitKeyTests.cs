using Verdict.Assignment.Units;

namespace Verdict.Assignment.Tests;

public sealed class UnitKeyTests
{
    private static readonly ExperimentAssigner Assigner = new(new AssignmentSpec
    {
        Salt = "refund-query-rewrite:v1",
        Arms = [new("control", 0.5), new("treatment", 0.5)],
    });

    [Fact]
    public void Resolve_ConversationUnit_EveryTurnGetsTheSameArm()
    {
        for (var c = 0; c < 200; c++)
        {
            var arms = Enumerable.Range(0, 8)
                .Select(turn => new UnitContext { ConversationId = $"conv-{c}", RequestId = $"req-{c}-{turn}", UserId = $"user-{turn}" })
                .Select(context => Assigner.Assign(UnitKey.Resolve(context, RandomizationUnit.Conversation)).Arm)
                .Distinct()
                .Count();
            Assert.Equal(1, arms);
        }
    }

    [Fact]
    public void Resolve_RequestUnit_SplitsAConversation()
    {
        var arms = Enumerable.Range(0, 64)
            .Select(turn => new UnitContext { ConversationId = "conv-1", RequestId = $"req-{turn}" })
            .Select(context => Assigner.Assign(UnitKey.Resolve(context, RandomizationUnit.Request)).Arm)
            .Distinct()
            .Count();
        Assert.Equal(2, arms);
    }

    [Fact]
    public void Resolve_ClusterUnit_EveryMemberGetsTheClusterArm()
    {
        for (var org = 0; org < 100; org++)
        {
            var arms = Enumerable.Range(0, 10)
                .Select(member => new UnitContext { UserId = $"user-{org}-{member}", Attributes = new Dictionary<string, string> { ["organization"] = $"org-{org}" } })
                .Select(context => Assigner.Assign(UnitKey.Resolve(context, RandomizationUnit.Cluster, "organization")).Arm)
                .Distinct()
                .Count();
            Assert.Equal(1, arms);
        }
    }

    [Fact]
    public void Resolve_MissingId_ReturnsNull()
    {
        Assert.Null(UnitKey.Resolve(new UnitContext { UserId = "u" }, RandomizationUnit.Account));
    }

    [Fact]
    public void Resolve_ClusterWithoutKey_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => UnitKey.Resolve(new UnitContext(), RandomizationUnit.Cluster));
    }
}
