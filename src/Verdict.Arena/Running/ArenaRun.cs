using Verdict.Arena.Configuration;
using Verdict.Arena.Providers;

namespace Verdict.Arena.Running;

/// <summary>The raw outcome of running an arena, before statistics.</summary>
/// <param name="Spec">The arena.</param>
/// <param name="Cases">Per-case results in golden-set order.</param>
/// <param name="Receipts">Each variant's receipt.</param>
/// <param name="Axes">Rubric axes judged, in rubric order.</param>
/// <param name="Progress">Final call counts.</param>
public sealed record ArenaRun(
    ArenaSpec Spec,
    IReadOnlyList<CaseResult> Cases,
    IReadOnlyDictionary<string, Verdict.Experiments.Briefs.Receipt> Receipts,
    IReadOnlyList<string> Axes,
    ArenaProgress Progress);
