namespace Verdict.Experiments.Simulation;

/// <summary>The event and property names of the support-bot scenario, as examples/refund-query-rewrite/metrics.yaml uses them.</summary>
public static class SupportBotEvents
{
    /// <summary>The enrollment event, at exposure time.</summary>
    public const string QuestionSubmitted = "refund_question_submitted";

    /// <summary>An answer; value = latency in ms, properties <see cref="LatencyMs"/>, <see cref="Tokens"/>, <see cref="CostUsd"/>.</summary>
    public const string AnswerGenerated = "answer_generated";

    /// <summary>The customer marked the conversation solved (also before exposure: the CUPED covariate).</summary>
    public const string ConversationSolved = "conversation_solved";

    /// <summary>The customer opened a human ticket; within 10 minutes of a solved mark it un-resolves the conversation.</summary>
    public const string TicketOpened = "ticket_opened";

    /// <summary>An audit of the answer's grounding; property <see cref="Grounded"/> is "true" or "false".</summary>
    public const string GroundingAudit = "grounding_audit";

    /// <summary>The conversation was handed to a human agent.</summary>
    public const string Escalated = "escalated_to_human";

    /// <summary>Property of <see cref="AnswerGenerated"/>: the latency in whole ms (also the event's value).</summary>
    public const string LatencyMs = "latency_ms";

    /// <summary>Property of <see cref="AnswerGenerated"/>: tokens spent, including the rewrite call.</summary>
    public const string Tokens = "tokens";

    /// <summary>Property of <see cref="AnswerGenerated"/>: what the answer cost in USD.</summary>
    public const string CostUsd = "cost_usd";

    /// <summary>Property of <see cref="GroundingAudit"/>.</summary>
    public const string Grounded = "grounded";

    /// <summary>Exposure attribute: <c>mobile</c> or <c>desktop</c>.</summary>
    public const string Device = "device";

    /// <summary>Exposure attribute: <c>annual</c> or <c>monthly</c>.</summary>
    public const string Plan = "plan";

    /// <summary>Exposure attribute: <c>americas</c>, <c>europe</c> or <c>asia_pacific</c> (45/35/20 %; no effect on outcomes).</summary>
    public const string Region = "region";
}
