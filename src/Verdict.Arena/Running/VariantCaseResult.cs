using Verdict.Arena.Evaluation;
using Verdict.Arena.Providers;

namespace Verdict.Arena.Running;

/// <summary>One variant's output on one case and everything measured on it.</summary>
/// <param name="Variant">Variant name.</param>
/// <param name="Reply">The model's reply.</param>
/// <param name="Checks">Deterministic check results.</param>
/// <param name="Similarity">Cosine similarity to the reference, if measured.</param>
/// <param name="Rubric">Rubric scores per axis, if judged.</param>
/// <param name="Errors">What could not be measured, and why.</param>
public sealed record VariantCaseResult(
    string Variant,
    ModelReply Reply,
    IReadOnlyList<CheckResult> Checks,
    double? Similarity,
    IReadOnlyDictionary<string, AxisScore>? Rubric,
    IReadOnlyList<string> Errors);
