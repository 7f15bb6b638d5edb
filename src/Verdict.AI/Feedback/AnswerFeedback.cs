using System.Globalization;
using Verdict.Client;

namespace Verdict.AI.Feedback;

/// <summary>
/// Logs the LLM quality proxies of seed 002 — regenerations, the user's edits of an answer, thumbs — as the
/// conventional events the proxy metric kinds read (docs/events.md, "Quality proxy events"; docs/brief.md, "Proxy
/// metrics"). Each returns false when the SDK's queue was full and the event was dropped.
/// </summary>
public static class AnswerFeedback
{
    /// <summary>The event a regeneration rate counts.</summary>
    public const string RegenerateEvent = "regenerate";

    /// <summary>The event an edit-distance metric reads.</summary>
    public const string AnswerEditedEvent = "answer_edited";

    /// <summary>The event a thumbs metric reads.</summary>
    public const string FeedbackEvent = "feedback";

    /// <summary>The user asked for a new answer to the same turn (logged before the new call, whose own <c>llm_call</c> follows).</summary>
    public static bool TrackRegeneration(this VerdictClient client, string unitId)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Track(RegenerateEvent, unitId);
    }

    /// <summary>
    /// The user's final text of an answer is known (sent, saved, pasted): logs <c>answer_edited</c> with value and
    /// <c>edit_distance</c> = the Levenshtein distance in code points from the model's answer (0 when sent unchanged),
    /// <c>edit_ratio</c> = that distance over the longer text's length (0 for two empty texts), and both lengths.
    /// </summary>
    public static bool TrackAnswerEdit(this VerdictClient client, string unitId, string answer, string finalText)
    {
        ArgumentNullException.ThrowIfNull(client);
        var distance = EditDistance.Levenshtein(answer, finalText);
        var answerLength = EditDistance.Length(answer);
        var finalLength = EditDistance.Length(finalText);
        var longer = Math.Max(answerLength, finalLength);
        var ratio = longer == 0 ? 0 : (double)distance / longer;
        return client.Track(AnswerEditedEvent, unitId, distance, new Dictionary<string, string>
        {
            ["edit_distance"] = distance.ToString(CultureInfo.InvariantCulture),
            ["edit_ratio"] = ratio.ToString("R", CultureInfo.InvariantCulture),
            ["answer_length"] = answerLength.ToString(CultureInfo.InvariantCulture),
            ["final_length"] = finalLength.ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>A thumbs rating of an answer: <c>feedback</c> with <c>rating</c> = <c>up</c> or <c>down</c> and value 1 or 0.</summary>
    public static bool TrackThumbs(this VerdictClient client, string unitId, bool up)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Track(FeedbackEvent, unitId, up ? 1 : 0, up ? Up : Down);
    }

    private static readonly Dictionary<string, string> Up = new() { ["rating"] = "up" };
    private static readonly Dictionary<string, string> Down = new() { ["rating"] = "down" };
}
