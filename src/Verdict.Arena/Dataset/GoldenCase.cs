namespace Verdict.Arena.Dataset;

/// <summary>One hard, real case of the golden set.</summary>
/// <param name="Id">Stable case id.</param>
/// <param name="Input">The user's message.</param>
/// <param name="Context">Retrieved or source context given to the model and the judge, if any.</param>
/// <param name="Reference">Reference answer, if any.</param>
/// <param name="Tags">Free-form tags (segment, difficulty).</param>
/// <param name="HumanLabels">Human labels: <c>pairwise</c> (a variant name or <c>tie</c>) and per-axis scores.</param>
public sealed record GoldenCase(
    string Id,
    string Input,
    string? Context,
    string? Reference,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> HumanLabels);
