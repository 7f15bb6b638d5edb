using Microsoft.Extensions.AI;

namespace Verdict.AI.Guardrails;

/// <summary>Triggers when the answer is longer than <paramref name="maxCharacters"/>; Replace truncates it.</summary>
public sealed class LengthGuardrail(int maxCharacters, GuardrailAction action = GuardrailAction.Replace, string fallback = "The answer was withheld.") : IResponseGuardrail
{
    /// <inheritdoc />
    public string Name => "length";

    /// <inheritdoc />
    public GuardrailTrigger? Check(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = response.Text;
        if (text.Length <= maxCharacters)
        {
            return null;
        }

        return new GuardrailTrigger(Name, $"{text.Length} characters > {maxCharacters}", action, action == GuardrailAction.Block ? fallback : text[..maxCharacters]);
    }
}
