namespace Verdict.Arena.Configuration;

/// <summary>One rubric axis scored 1–5, with anchors describing 1, 3 and 5.</summary>
public sealed class RubricAxisSpec
{
    /// <summary>Axis name used in results, such as <c>policy_citation</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>What the axis measures.</summary>
    public string? Description { get; init; }

    /// <summary>Anchor texts keyed by score; 1, 3 and 5 are required.</summary>
    public Dictionary<int, string> Anchors { get; init; } = [];
}
