namespace Verdict.Experiments.Proxies;

/// <summary>
/// The conventional events and properties of LLM quality proxies (docs/events.md, "Quality proxy events"): what the
/// SDK's feedback helpers write and what the proxy metric kinds read by default.
/// </summary>
public static class ProxyEvents
{
    /// <summary>The answer event a regeneration rate counts per: the IChatClient middleware's one event per model call.</summary>
    public const string Answer = "llm_call";

    /// <summary>The user asked for a new answer to the same turn.</summary>
    public const string Regenerate = "regenerate";

    /// <summary>The user's final text of an answer is known; value and <see cref="EditDistance"/> = Levenshtein distance to the model's answer.</summary>
    public const string AnswerEdited = "answer_edited";

    /// <summary>A thumbs rating of an answer, with <see cref="Rating"/> = <c>up</c> or <c>down</c>.</summary>
    public const string Feedback = "feedback";

    /// <summary>Property of <see cref="AnswerEdited"/>: the edit distance in Unicode code points.</summary>
    public const string EditDistance = "edit_distance";

    /// <summary>Property of <see cref="AnswerEdited"/>: the edit distance over the longer text's length, in [0, 1].</summary>
    public const string EditRatio = "edit_ratio";

    /// <summary>Property of <see cref="Feedback"/>: <c>up</c> or <c>down</c>.</summary>
    public const string Rating = "rating";
}
