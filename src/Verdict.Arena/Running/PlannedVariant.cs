using System.Text.Json;
using Microsoft.Extensions.AI;
using Verdict.Arena.Configuration;
using Verdict.Arena.Dataset;
using Verdict.Arena.Providers;

namespace Verdict.Arena.Running;

/// <summary>A variant resolved for a run: its caller and the options it sends.</summary>
internal sealed record PlannedVariant(VariantSpec Spec, IModelCaller Caller, ChatOptions Options)
{
    public static async Task<PlannedVariant> CreateAsync(ArenaSpec arena, VariantSpec spec, IModelCaller caller, CancellationToken cancellationToken)
    {
        ChatResponseFormat? format = null;
        if (spec.OutputSchema is { } schemaPath)
        {
            var path = arena.Resolve(schemaPath);
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"variants.{spec.Name}.output_schema: file not found: {schemaPath}");
            }

            using var schema = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
            format = ChatResponseFormat.ForJsonSchema(schema.RootElement.Clone(), "output");
        }

        return new PlannedVariant(spec, caller, OptionsFor(spec, format));
    }

    /// <summary>Deterministic decoding requested: the temperature, top-p and seed of the spec, recorded in each reply.</summary>
    public static ChatOptions OptionsFor(ModelEndpointSpec spec, ChatResponseFormat? format) => new()
    {
        ModelId = spec.Model,
        Temperature = (float)spec.Temperature,
        TopP = spec.TopP is { } p ? (float)p : null,
        MaxOutputTokens = spec.MaxTokens,
        Seed = spec.Seed,
        ResponseFormat = format,
    };

    public IReadOnlyList<ChatMessage> Messages(GoldenCase goldenCase)
    {
        var user = Spec.Template.Replace("{{input}}", goldenCase.Input, StringComparison.Ordinal)
            .Replace("{{context}}", goldenCase.Context ?? "", StringComparison.Ordinal);
        return Spec.SystemPrompt is { } system
            ? [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user)]
            : [new ChatMessage(ChatRole.User, user)];
    }
}
