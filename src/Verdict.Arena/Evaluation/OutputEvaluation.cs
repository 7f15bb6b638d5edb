namespace Verdict.Arena.Evaluation;

/// <summary>What evaluators measured on one output; merged in evaluator order by <see cref="CompositeEvaluator"/>.</summary>
/// <param name="Checks">Deterministic check results.</param>
/// <param name="Similarity">Cosine similarity to the reference, if measured.</param>
/// <param name="Rubric">Rubric scores per axis, if judged.</param>
/// <param name="Errors">What could not be measured, and why.</param>
internal sealed record OutputEvaluation(
    IReadOnlyList<CheckResult> Checks,
    double? Similarity = null,
    IReadOnlyDictionary<string, AxisScore>? Rubric = null,
    IReadOnlyList<string>? Errors = null)
{
    /// <summary>Nothing measured.</summary>
    public static OutputEvaluation Empty { get; } = new([]);

    /// <summary>An evaluation that could not be made, with why.</summary>
    public static OutputEvaluation Failed(string error) => new([], Errors: [error]);

    /// <summary>Every part of <paramref name="parts"/>, in order; the first similarity and rubric win.</summary>
    public static OutputEvaluation Merge(IEnumerable<OutputEvaluation> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        return new OutputEvaluation(
            [.. list.SelectMany(p => p.Checks)],
            list.Select(p => p.Similarity).FirstOrDefault(s => s is not null),
            list.Select(p => p.Rubric).FirstOrDefault(r => r is not null),
            [.. list.SelectMany(p => p.Errors ?? [])]);
    }
}
