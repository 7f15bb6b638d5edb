using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Verdict.Arena.Configuration;
using Verdict.Arena.Dataset;

namespace Verdict.Arena.Evaluation;

/// <summary>
/// Scores one output on each rubric axis from 1 to 5 against anchors at 1, 3 and 5 (the G-Eval form, Liu et al. 2023).
/// The reply must be exactly <c>{"scores": {"AXIS": {"score": 1-5, "reason": "…"}, …}}</c> for every axis and no
/// other; anything else is malformed, retried, and finally recorded as an error, never guessed into a score.
/// </summary>
public sealed class RubricJudge
{
    private readonly IReadOnlyList<RubricAxisSpec> axes;
    private readonly string systemPrompt;

    /// <summary>Creates a judge for <paramref name="axes"/>.</summary>
    public RubricJudge(IReadOnlyList<RubricAxisSpec> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentOutOfRangeException.ThrowIfZero(axes.Count);
        this.axes = axes;
        var prompt = new StringBuilder();
        prompt.AppendLine("You are an impartial judge grading one response to a customer's question against a rubric.");
        prompt.AppendLine("Score every axis with an integer from 1 to 5; 2 and 4 lie between the anchors.");
        foreach (var axis in axes)
        {
            prompt.Append(CultureInfo.InvariantCulture, $"\nAxis \"{axis.Name}\"");
            prompt.AppendLine(axis.Description is null ? ":" : $": {axis.Description}");
            foreach (var (score, anchor) in axis.Anchors.OrderBy(a => a.Key))
            {
                prompt.AppendLine(CultureInfo.InvariantCulture, $"  {score}: {anchor}");
            }
        }

        prompt.AppendLine();
        prompt.Append("Reply with only this JSON object and nothing else: {\"scores\": {");
        prompt.Append(string.Join(", ", axes.Select(a => $"\"{a.Name}\": {{\"score\": <1-5>, \"reason\": \"<one sentence>\"}}")));
        prompt.Append("}}");
        systemPrompt = prompt.ToString();
    }

    /// <summary>The rubric's axes.</summary>
    public IReadOnlyList<RubricAxisSpec> Axes => axes;

    /// <summary>The messages that ask the judge to grade <paramref name="output"/>.</summary>
    public IReadOnlyList<ChatMessage> Messages(GoldenCase goldenCase, string output)
    {
        ArgumentNullException.ThrowIfNull(goldenCase);
        return [new ChatMessage(ChatRole.System, systemPrompt), new ChatMessage(ChatRole.User, JudgePrompts.Case(goldenCase) + $"\n\nResponse to grade:\n{output}")];
    }

    /// <summary>Parses a reply strictly; null when malformed.</summary>
    public IReadOnlyDictionary<string, AxisScore>? Parse(string reply)
    {
        var root = JudgePrompts.ParseObject(reply);
        if (root is not { } r || !r.TryGetProperty("scores", out var scores) || scores.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var result = new Dictionary<string, AxisScore>(StringComparer.Ordinal);
        foreach (var property in scores.EnumerateObject())
        {
            if (axes.All(a => a.Name != property.Name) || property.Value.ValueKind != JsonValueKind.Object
                || !property.Value.TryGetProperty("score", out var score) || score.ValueKind != JsonValueKind.Number
                || !score.TryGetInt32(out var value) || value is < 1 or > 5
                || !property.Value.TryGetProperty("reason", out var reason) || reason.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(reason.GetString()))
            {
                return null;
            }

            result[property.Name] = new AxisScore(value, reason.GetString()!);
        }

        return result.Count == axes.Count ? result : null;
    }
}
