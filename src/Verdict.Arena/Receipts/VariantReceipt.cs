using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Verdict.Arena.Configuration;
using Verdict.Experiments.Briefs;

namespace Verdict.Arena.Receipts;

/// <summary>
/// What a variant pins, as a brief's arm receipt (<see cref="Receipt"/>): the receipt the arena reports is the one a
/// winner is promoted as, so nothing is translated between them.
/// </summary>
public static class VariantReceipt
{
    /// <summary>
    /// The receipt of <paramref name="variant"/>: model id (<c>replay</c> for a replay without one); prompt as
    /// <c>version@sha256:HASH</c> of the system prompt and template (the hash alone without a version); decoder from
    /// the sampling settings (greedy at temperature 0, else sample) and the output schema; the index snapshot as the
    /// retrieval index; the pinned components plus <c>seed</c>, since a brief's receipt has no seed field.
    /// </summary>
    public static Receipt For(VariantSpec variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var components = new SortedDictionary<string, string>(variant.Pinned, StringComparer.Ordinal);
        if (variant.Seed is { } seed)
        {
            components.TryAdd("seed", seed.ToString(CultureInfo.InvariantCulture));
        }

        var hash = PromptHash(variant);
        return new Receipt
        {
            Model = variant.Provider == "replay" && string.IsNullOrEmpty(variant.Model) ? "replay" : variant.Model,
            Prompt = variant.PromptVersion is { } version ? $"{version}@{hash}" : hash,
            RetrievalIndex = variant.IndexSnapshot,
            Decoder = new DecoderSettings
            {
                Selection = variant.Temperature == 0 ? "greedy" : "sample",
                Temperature = variant.Temperature,
                TopP = variant.TopP,
                MaxTokens = variant.MaxTokens,
                OutputSchema = variant.OutputSchema,
            },
            Components = components,
        };
    }

    /// <summary><c>sha256:</c> and the lower-case hex SHA-256 of the variant's system prompt and template.</summary>
    public static string PromptHash(VariantSpec variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var prompt = $"system:\n{variant.SystemPrompt}\ntemplate:\n{variant.Template}";
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prompt)));
    }
}
