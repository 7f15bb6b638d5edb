using Microsoft.Extensions.AI;
using Verdict.Arena.Providers;

namespace Verdict.Arena.Evaluation;

/// <summary>Asks the judge to grade the output on the rubric (<see cref="RubricJudge"/>); a reply that never parses is an error, not a score.</summary>
internal sealed class RubricEvaluator(RubricJudge rubric, IModelCaller judge, ChatOptions options) : IOutputEvaluator
{
    public IReadOnlyCollection<string> MetricNames { get; } = [.. rubric.Axes.Select(a => a.Name)];

    public async ValueTask<OutputEvaluation> EvaluateAsync(EvaluatedOutput output, CancellationToken cancellationToken)
    {
        var request = new CallRequest($"rubric/{output.Variant}/{output.Case.Id}", rubric.Messages(output.Case, output.Reply.Text), options);
        var reply = await judge.CallAsync(request, cancellationToken).ConfigureAwait(false);
        return reply.Succeeded
            ? new OutputEvaluation([], Rubric: rubric.Parse(reply.Text))
            : OutputEvaluation.Failed($"rubric judge: {reply.Error}");
    }
}
