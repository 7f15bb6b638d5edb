namespace Verdict.AI.Guardrails;

/// <summary>What happens when an inline guardrail triggers. Every trigger is also logged as a <c>guardrail_triggered</c> event.</summary>
public enum GuardrailAction
{
    /// <summary>Only log; the response goes out as it is.</summary>
    Log,

    /// <summary>Replace the response's text with the guardrail's replacement (for example with PII masked).</summary>
    Replace,

    /// <summary>Withhold the response: the caller gets the guardrail's fallback text and finish reason <c>content_filter</c>.</summary>
    Block,
}
