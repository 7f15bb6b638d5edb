using System.Text;
using System.Text.Json;
using Verdict.Arena.Dataset;

namespace Verdict.Arena.Evaluation;

/// <summary>Pieces shared by the rubric and pairwise judges.</summary>
internal static class JudgePrompts
{
    /// <summary>The case as the judge sees it: question, context and reference when present.</summary>
    public static string Case(GoldenCase goldenCase)
    {
        var text = new StringBuilder();
        text.Append("Question:\n").Append(goldenCase.Input);
        if (goldenCase.Context is { } context)
        {
            text.Append("\n\nSource context:\n").Append(context);
        }

        if (goldenCase.Reference is { } reference)
        {
            text.Append("\n\nReference answer:\n").Append(reference);
        }

        return text.ToString();
    }

    /// <summary>
    /// The reply as one JSON object, or null. Surrounding whitespace and a single Markdown code fence are allowed;
    /// nothing else is repaired.
    /// </summary>
    public static JsonElement? ParseObject(string reply)
    {
        var text = reply.Trim();
        if (text.StartsWith("```", StringComparison.Ordinal) && text.EndsWith("```", StringComparison.Ordinal) && text.Length > 6)
        {
            var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
            text = firstLine < 0 ? "" : text[(firstLine + 1)..^3].Trim();
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
