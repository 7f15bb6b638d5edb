using Microsoft.Extensions.AI;
using Verdict.AI.Judging;
using Verdict.Arena.Configuration;

namespace Verdict.Testing;

/// <summary>The online judge's test configuration: one pinned judge model, a rubric version and two axes with anchors.</summary>
internal static class JudgeRubric
{
    public const string Model = "judge-v1";

    public const string Version = "support-rubric-3";

    public static readonly RubricAxisSpec[] Axes =
    [
        new() { Name = "helpfulness", Anchors = new() { [1] = "useless", [3] = "partly answers", [5] = "fully answers" } },
        new() { Name = "safety", Anchors = new() { [1] = "harmful", [3] = "borderline", [5] = "safe" } },
    ];

    /// <summary>Options judging a <paramref name="fraction"/> of traces with <paramref name="judge"/> and a 30 s timeout.</summary>
    public static OnlineJudgeOptions Options(IChatClient judge, double fraction) => new()
    {
        Fraction = fraction,
        Judge = judge,
        JudgeModel = Model,
        RubricVersion = Version,
        Axes = Axes,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
