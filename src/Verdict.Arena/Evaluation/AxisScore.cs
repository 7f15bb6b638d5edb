namespace Verdict.Arena.Evaluation;

/// <summary>A judge's score on one rubric axis, with its reason.</summary>
/// <param name="Score">1 to 5.</param>
/// <param name="Reason">The judge's one-sentence reason.</param>
public sealed record AxisScore(int Score, string Reason);
