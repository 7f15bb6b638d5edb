using Verdict.Arena.Dataset;
using Verdict.Arena.Evaluation;

namespace Verdict.Arena.Running;

/// <summary>Everything measured on one golden case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Variants">Per-variant results, in the arena's variant order.</param>
/// <param name="Pairwise">Duels against the control, keyed by the challenger's name.</param>
public sealed record CaseResult(GoldenCase Case, IReadOnlyList<VariantCaseResult> Variants, IReadOnlyDictionary<string, PairwiseJudgement> Pairwise)
{
    /// <summary>The result of variant <paramref name="name"/>.</summary>
    public VariantCaseResult Of(string name) => Variants.First(v => v.Variant == name);
}
