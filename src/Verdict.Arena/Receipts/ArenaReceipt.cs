using System.Security.Cryptography;
using System.Text;

namespace Verdict.Arena;

/// <summary>
/// What a variant pins, as the arena reports it (model id, prompt version and content hash, sampling settings, output
/// schema, seed, index snapshot, pinned components). <see cref="ToBriefReceipt"/> gives the same facts as a brief's arm
/// receipt (<see cref="Verdict.Experiments.Receipt"/>), which is what a winner is promoted as.
/// </summary>
/// <param name="ModelId">Model id.</param>
/// <param name="PromptVersion">Human version label of the prompt.</param>
/// <param name="PromptHash">SHA-256 (hex) of the system prompt and template.</param>
/// <param name="Temperature">Sampling temperature.</param>
/// <param name="TopP">Nucleus sampling mass.</param>
/// <param name="MaxTokens">Output token limit.</param>
/// <param name="OutputSchema">Output JSON Schema file, if any.</param>
/// <param name="Seed">Sampling seed.</param>
/// <param name="IndexSnapshot">Retrieval index snapshot, if any.</param>
/// <param name="PinnedComponents">Other pinned components.</param>
public sealed record ArenaReceipt(
    string ModelId,
    string? PromptVersion,
    string PromptHash,
    double Temperature,
    double? TopP,
    int? MaxTokens,
    string? OutputSchema,
    long? Seed,
    string? IndexSnapshot,
    IReadOnlyDictionary<string, string> PinnedComponents)
{
    /// <summary>
    /// The brief's receipt for this variant: prompt as <c>version@hash</c>, decoder from the sampling settings
    /// (greedy at temperature 0), and the seed among the components, since a brief's receipt has no seed field.
    /// </summary>
    public Verdict.Experiments.Receipt ToBriefReceipt()
    {
        var components = new SortedDictionary<string, string>(PinnedComponents.ToDictionary(), StringComparer.Ordinal);
        if (Seed is { } seed)
        {
            components.TryAdd("seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new Verdict.Experiments.Receipt
        {
            Model = ModelId,
            Prompt = PromptVersion is { } version ? $"{version}@{PromptHash}" : PromptHash,
            RetrievalIndex = IndexSnapshot,
            Decoder = new Verdict.Experiments.DecoderSettings
            {
                Selection = Temperature == 0 ? "greedy" : "sample",
                Temperature = Temperature,
                TopP = TopP,
                MaxTokens = MaxTokens,
                OutputSchema = OutputSchema,
            },
            Components = components,
        };
    }

    /// <summary>The receipt of a variant.</summary>
    public static ArenaReceipt For(VariantSpec variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var prompt = $"system:\n{variant.SystemPrompt}\ntemplate:\n{variant.Template}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prompt)));
        var model = variant.Provider == "replay" && string.IsNullOrEmpty(variant.Model) ? "replay" : variant.Model;
        return new ArenaReceipt(model, variant.PromptVersion, "sha256:" + hash, variant.Temperature, variant.TopP, variant.MaxTokens,
            variant.OutputSchema, variant.Seed, variant.IndexSnapshot, new SortedDictionary<string, string>(variant.Pinned, StringComparer.Ordinal));
    }
}
