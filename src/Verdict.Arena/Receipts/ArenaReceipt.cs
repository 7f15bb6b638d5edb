using System.Security.Cryptography;
using System.Text;

namespace Verdict.Arena;

/// <summary>
/// What a variant pins, with the same fields as a brief's arm receipt (model id, prompt version and hash, decoder
/// settings, output schema, seed, index snapshot, pinned components), so a winner can be promoted into a brief.
/// TODO: replace with the receipt type of Verdict.Experiments once that assembly lands.
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
