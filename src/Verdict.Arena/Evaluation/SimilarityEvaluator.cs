using Verdict.Arena.Providers;

namespace Verdict.Arena.Evaluation;

/// <summary>Embeds the output and the case's reference and reports their cosine (<see cref="SimilarityScore"/>).</summary>
internal sealed class SimilarityEvaluator(EmbeddingCaller embedder) : IOutputEvaluator
{
    /// <summary>Name of the metric.</summary>
    public const string Metric = "similarity";

    public IReadOnlyCollection<string> MetricNames { get; } = [Metric];

    public async ValueTask<OutputEvaluation> EvaluateAsync(EvaluatedOutput output, CancellationToken cancellationToken)
    {
        if (output.Case.Reference is not { } reference)
        {
            return OutputEvaluation.Failed("similarity: the case has no reference answer");
        }

        var outputTask = embedder.EmbedAsync(output.Reply.Text, cancellationToken);
        var referenceTask = embedder.EmbedAsync(reference, cancellationToken);
        var (left, leftError) = await outputTask.ConfigureAwait(false);
        var (right, rightError) = await referenceTask.ConfigureAwait(false);
        return left is null || right is null
            ? OutputEvaluation.Failed($"similarity: {leftError ?? rightError}")
            : new OutputEvaluation([], Similarity: SimilarityScore.Cosine(left, right));
    }
}
