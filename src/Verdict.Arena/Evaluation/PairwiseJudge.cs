using System.Text.Json;
using Microsoft.Extensions.AI;
using Verdict.Arena.Dataset;

namespace Verdict.Arena.Evaluation;

/// <summary>
/// Compares two outputs head-to-head, asked in both orders because judges prefer a position (Zheng et al. 2023,
/// "Judging LLM-as-a-Judge", §3.3). The reply must be exactly <c>{"winner": "1" | "2" | "tie", "reason": "…"}</c>.
/// </summary>
public sealed class PairwiseJudge
{
    /// <summary>Label of a tie.</summary>
    public const string Tie = "tie";

    private const string SystemPrompt =
        "You are an impartial judge comparing two responses to the same customer question. Judge accuracy, clarity " +
        "and whether the relevant policy is cited; ignore length and the order in which the responses are shown. " +
        "Reply with only this JSON object and nothing else: {\"winner\": \"1\" | \"2\" | \"tie\", \"reason\": \"<one sentence>\"}";

    /// <summary>The messages asking which of two outputs is better.</summary>
    public static IReadOnlyList<ChatMessage> Messages(GoldenCase goldenCase, string first, string second)
    {
        ArgumentNullException.ThrowIfNull(goldenCase);
        return
        [
            new ChatMessage(ChatRole.System, SystemPrompt),
            new ChatMessage(ChatRole.User, JudgePrompts.Case(goldenCase) + $"\n\nResponse 1:\n{first}\n\nResponse 2:\n{second}"),
        ];
    }

    /// <summary>Parses a reply strictly into (position 1, 2 or 0 for a tie, reason); null when malformed.</summary>
    public static (int Position, string Reason)? Parse(string reply)
    {
        if (JudgePrompts.ParseObject(reply) is not { } root
            || !root.TryGetProperty("winner", out var winner)
            || !root.TryGetProperty("reason", out var reason) || reason.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var label = winner.ValueKind switch
        {
            JsonValueKind.String => winner.GetString()!.Trim().ToLowerInvariant(),
            JsonValueKind.Number => winner.GetRawText(),
            _ => null,
        };
        int? position = label switch { "1" => 1, "2" => 2, Tie => 0, _ => null };
        return position is { } p ? (p, reason.GetString()!) : null;
    }

    /// <summary>Combines the two orders: agreement stands, disagreement is a tie flagged as position-inconsistent.</summary>
    public static PairwiseJudgement Combine(string caseId, string control, string treatment, (int Position, string Reason) controlFirst, (int Position, string Reason) treatmentFirst)
    {
        var first = controlFirst.Position switch { 1 => control, 2 => treatment, _ => Tie };
        var second = treatmentFirst.Position switch { 1 => treatment, 2 => control, _ => Tie };
        var consistent = first == second;
        var outcome = !consistent || first == Tie ? PairwiseOutcome.Tie
            : first == treatment ? PairwiseOutcome.TreatmentWins : PairwiseOutcome.ControlWins;
        return new PairwiseJudgement(caseId, first, second, outcome, !consistent, controlFirst.Reason, treatmentFirst.Reason);
    }
}
