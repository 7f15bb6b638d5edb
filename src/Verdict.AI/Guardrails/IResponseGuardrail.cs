using Microsoft.Extensions.AI;

namespace Verdict.AI.Guardrails;

/// <summary>An inline guardrail: looks at one response and says whether it passes, and if not what to do.</summary>
public interface IResponseGuardrail
{
    /// <summary>The guardrail's name, logged with every trigger.</summary>
    string Name { get; }

    /// <summary>Checks <paramref name="response"/>; null when it passes.</summary>
    GuardrailTrigger? Check(ChatResponse response);
}
