namespace Verdict.Arena.Analysis;

/// <summary>A challenger against the control.</summary>
/// <param name="Control">Control variant.</param>
/// <param name="Treatment">Challenger variant.</param>
/// <param name="Axes">Paired differences per metric.</param>
/// <param name="Pairwise">The duel, when judged.</param>
public sealed record VariantComparison(string Control, string Treatment, IReadOnlyList<AxisComparison> Axes, PairwiseSummary? Pairwise);
