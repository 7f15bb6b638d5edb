using Verdict.Arena.Analysis;
using Verdict.Experiments.Json;

namespace Verdict.Reports.Arena;

/// <summary>
/// The arena's results as one JSON document with snake_case fields (documented in docs/arena.md), written by the one
/// JSON writer, <see cref="VerdictJson"/>: numbers that could not be computed are null, every number at full precision.
/// Per-case outputs, scores and judge reasons are included.
/// </summary>
public static class ArenaJsonReport
{
    /// <summary>The document as an object tree (for embedding in a larger JSON output).</summary>
    public static object Document(ArenaResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new
        {
            result.Name,
            result.Control,
            result.Treatment,
            result.Cases,
            result.Alpha,
            Gate = new { Passed = result.Gate.Passed, Decision = result.Gate.Passed ? "pass" : "fail", result.Gate.Rules },
            result.Variants,
            result.Comparisons,
            result.Calibration,
            result.RubricCalibration,
            result.Calls,
            result.Notes,
            CaseResults = result.Run.Cases.Select(c => new
            {
                c.Case.Id,
                c.Case.Input,
                c.Case.Reference,
                c.Case.Tags,
                Human = c.Case.HumanLabels,
                Variants = c.Variants.Select(v => new
                {
                    v.Variant,
                    Output = v.Reply.Text,
                    v.Reply.LatencyMs,
                    v.Reply.InputTokens,
                    v.Reply.OutputTokens,
                    v.Reply.Cost,
                    v.Reply.Cached,
                    v.Reply.ModelId,
                    v.Reply.Temperature,
                    v.Reply.Seed,
                    v.Reply.Attempts,
                    v.Checks,
                    Similarity = v.Similarity,
                    v.Rubric,
                    v.Errors,
                }),
                Pairwise = c.Pairwise,
            }),
        };
    }

    /// <summary>The document as indented JSON text.</summary>
    public static string Render(ArenaResult result) => VerdictJson.Serialize(Document(result));
}
