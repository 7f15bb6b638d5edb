namespace Verdict.AI.Guardrails;

/// <summary>A guardrail that triggered: which, why, what to do, and the text to serve instead (for Replace and Block).</summary>
public sealed record GuardrailTrigger(string Guardrail, string Reason, GuardrailAction Action, string? Replacement);
