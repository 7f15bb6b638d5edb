namespace Verdict.Arena.Evaluation;

/// <summary>
/// One way of scoring a variant's output on a golden case — a deterministic check, embedding similarity, the rubric
/// judge — in the shape of Microsoft.Extensions.AI.Evaluation's <c>IEvaluator</c>: the metrics it reports and one
/// asynchronous evaluation of one output. <see cref="CompositeEvaluator"/> runs several as one.
/// </summary>
internal interface IOutputEvaluator
{
    /// <summary>Names of the metrics or checks this evaluator reports.</summary>
    IReadOnlyCollection<string> MetricNames { get; }

    /// <summary>Evaluates <paramref name="output"/>; what cannot be measured comes back in <see cref="OutputEvaluation.Errors"/>.</summary>
    ValueTask<OutputEvaluation> EvaluateAsync(EvaluatedOutput output, CancellationToken cancellationToken);
}
