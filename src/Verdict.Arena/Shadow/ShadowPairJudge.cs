using Microsoft.Extensions.AI;
using Verdict.Arena.Dataset;
using Verdict.Arena.Evaluation;

namespace Verdict.Arena.Shadow;

/// <summary>
/// Judges one shadow pair (control's and a treatment's answer to the same live request) with the arena's
/// <see cref="PairwiseJudge"/>: its prompt, asked in both orders, its strict parse and its combination (disagreement
/// between the orders is a tie). The request itself is not logged with shadow calls, so the judge sees the two answers
/// under a fixed note instead of the question (docs/cli.md, "verdict shadow report").
/// </summary>
public static class ShadowPairJudge
{
    /// <summary>What the judge is shown in place of the customer's message.</summary>
    public const string QuestionNote = "(The customer's message is not recorded with shadow calls; both responses answer the same live message. Judge them on their own.)";

    /// <summary>The two orders' verdicts combined; a judgement with <see cref="PairwiseJudgement.Error"/> when the judge failed or replied out of format.</summary>
    public static async Task<PairwiseJudgement> JudgeAsync(IChatClient judge, string pair, string control, string treatment, ChatOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judge);
        var shown = new GoldenCase(pair, QuestionNote, null, null, [], new Dictionary<string, string>());
        try
        {
            var controlFirst = await judge.GetResponseAsync(PairwiseJudge.Messages(shown, control, treatment), options, cancellationToken).ConfigureAwait(false);
            var treatmentFirst = await judge.GetResponseAsync(PairwiseJudge.Messages(shown, treatment, control), options, cancellationToken).ConfigureAwait(false);
            if (PairwiseJudge.Parse(controlFirst.Text) is not { } a || PairwiseJudge.Parse(treatmentFirst.Text) is not { } b)
            {
                return new PairwiseJudgement(pair, null, null, null, false, null, null, "the judge's reply was not {\"winner\": \"1\" | \"2\" | \"tie\", \"reason\": …}");
            }

            return PairwiseJudge.Combine(pair, "control", "treatment", a, b);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A judge outage is a result (counted as failed), not a crash of the report.
            return new PairwiseJudgement(pair, null, null, null, false, null, null, $"{e.GetType().Name}: {e.Message.Split('\n', 2)[0]}");
        }
    }
}
