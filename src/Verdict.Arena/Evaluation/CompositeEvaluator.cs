namespace Verdict.Arena.Evaluation;

/// <summary>Several evaluators as one, as Microsoft.Extensions.AI.Evaluation's <c>CompositeEvaluator</c>: all run at once on the output, results merged in their order.</summary>
internal sealed class CompositeEvaluator(IReadOnlyList<IOutputEvaluator> evaluators) : IOutputEvaluator
{
    /// <summary>The evaluators, in order.</summary>
    public IReadOnlyList<IOutputEvaluator> Evaluators => evaluators;

    public IReadOnlyCollection<string> MetricNames { get; } = [.. evaluators.SelectMany(e => e.MetricNames)];

    public async ValueTask<OutputEvaluation> EvaluateAsync(EvaluatedOutput output, CancellationToken cancellationToken)
    {
        var running = evaluators.Select(e => e.EvaluateAsync(output, cancellationToken).AsTask()).ToList();
        return OutputEvaluation.Merge(await Task.WhenAll(running).ConfigureAwait(false));
    }
}
