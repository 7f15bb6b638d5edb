namespace Verdict.Arena.Configuration;

/// <summary>The embedding model used by the similarity evaluator.</summary>
public sealed class EmbeddingSpec : ModelEndpointSpec;
