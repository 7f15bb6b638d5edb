namespace Verdict.Arena.Configuration;

/// <summary>
/// One evaluator. Kinds: <c>contains</c>, <c>not_contains</c>, <c>regex</c>, <c>json</c>, <c>json_schema</c>,
/// <c>max_latency_ms</c>, <c>max_tokens</c>, <c>max_cost</c>, <c>exact_match</c> (deterministic checks);
/// <c>similarity</c> (embedding cosine to the reference); <c>rubric</c> and <c>pairwise</c> (the judge).
/// </summary>
public sealed class EvaluatorSpec
{
    /// <summary>The evaluator kind.</summary>
    public string Kind { get; init; } = "";

    /// <summary>Name in results. Default: the kind plus its argument.</summary>
    public string? Name { get; init; }

    /// <summary>Text for contains / not_contains; a number for the max_* checks.</summary>
    public string? Value { get; init; }

    /// <summary>Regular expression for <c>regex</c>.</summary>
    public string? Pattern { get; init; }

    /// <summary>Case-sensitive text matching. Default false.</summary>
    public bool CaseSensitive { get; init; }

    /// <summary>JSON Schema file for <c>json_schema</c>, relative to arena.yaml.</summary>
    public string? Schema { get; init; }

    /// <summary>Cosine threshold for <c>similarity</c>. Default 0.8.</summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>Embedding model for <c>similarity</c>.</summary>
    public EmbeddingSpec? Embedding { get; init; }

    /// <summary>Rubric axes for <c>rubric</c>, inline.</summary>
    public List<RubricAxisSpec> Axes { get; init; } = [];

    /// <summary>Rubric file (YAML with <c>axes:</c>) for <c>rubric</c>, relative to arena.yaml.</summary>
    public string? Rubric { get; init; }

    /// <summary>Variants the evaluator applies to. Default: all.</summary>
    public List<string> Variants { get; init; } = [];
}
