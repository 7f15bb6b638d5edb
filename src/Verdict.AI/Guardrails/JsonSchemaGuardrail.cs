using Microsoft.Extensions.AI;
using NJsonSchema;

namespace Verdict.AI.Guardrails;

/// <summary>Triggers when the answer is not JSON valid against <paramref name="schema"/> (NJsonSchema); Block serves the fallback.</summary>
public sealed class JsonSchemaGuardrail(JsonSchema schema, GuardrailAction action = GuardrailAction.Block, string fallback = "{}") : IResponseGuardrail
{
    /// <inheritdoc />
    public string Name => "json_schema";

    /// <summary>A guardrail from a JSON Schema document's text.</summary>
    public static JsonSchemaGuardrail FromJson(string schemaJson, GuardrailAction action = GuardrailAction.Block, string fallback = "{}") =>
        new(JsonSchema.FromJsonAsync(schemaJson).GetAwaiter().GetResult(), action, fallback);

    /// <inheritdoc />
    public GuardrailTrigger? Check(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        ICollection<NJsonSchema.Validation.ValidationError> errors;
        try
        {
            errors = schema.Validate(response.Text);
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            return new GuardrailTrigger(Name, "not JSON: " + e.Message.Split('\n')[0], action, fallback);
        }

        return errors.Count == 0 ? null : new GuardrailTrigger(Name, string.Join("; ", errors.Take(3).Select(e => $"{e.Path}: {e.Kind}")), action, fallback);
    }
}
