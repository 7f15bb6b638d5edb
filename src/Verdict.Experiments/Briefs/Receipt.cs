using System.Globalization;

namespace Verdict.Experiments.Briefs;

/// <summary>
/// What an arm pins: model, prompt, decoder settings, retrieval index snapshot and free-form components. Events carry
/// its hash; a comparison whose receipts differ beyond the declared change is INVALID.
/// </summary>
public sealed record Receipt
{
    /// <summary>The receipt fields a brief may name in <c>receipt_must_match</c> and <c>change.field</c>.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["model", "prompt", "decoder", "retrieval_index", "components"];

    /// <summary>The model id.</summary>
    public string? Model { get; init; }

    /// <summary>The prompt version or content hash.</summary>
    public string? Prompt { get; init; }

    /// <summary>The decoder settings.</summary>
    public DecoderSettings? Decoder { get; init; }

    /// <summary>The retrieval index snapshot.</summary>
    public string? RetrievalIndex { get; init; }

    /// <summary>Other pinned components by name (for example <c>query_rewrite: query-rewrite-v1</c>).</summary>
    public IReadOnlyDictionary<string, string> Components { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Every pinned value by dotted path (<c>decoder.output_schema</c>, <c>components.query_rewrite</c>), sorted.</summary>
    public IReadOnlyDictionary<string, string> Flatten()
    {
        var flat = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Put(string path, object? value)
        {
            if (value is not null)
            {
                flat[path] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
            }
        }

        Put("model", Model);
        Put("prompt", Prompt);
        Put("retrieval_index", RetrievalIndex);
        Put("decoder.selection", Decoder?.Selection);
        Put("decoder.temperature", Decoder?.Temperature);
        Put("decoder.top_p", Decoder?.TopP);
        Put("decoder.max_tokens", Decoder?.MaxTokens);
        Put("decoder.output_schema", Decoder?.OutputSchema);
        foreach (var (name, value) in Components)
        {
            Put("components." + name, value);
        }

        return flat;
    }

    /// <summary>The dotted paths where this receipt and <paramref name="other"/> differ (present in one only counts).</summary>
    public IReadOnlyList<string> Differences(Receipt other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = Flatten();
        var theirs = other.Flatten();
        return mine.Keys.Union(theirs.Keys, StringComparer.Ordinal)
            .Where(path => !string.Equals(mine.GetValueOrDefault(path), theirs.GetValueOrDefault(path), StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="field"/> or lies under it.</summary>
    public static bool IsUnder(string path, string field)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(field);
        return path == field || path.StartsWith(field + ".", StringComparison.Ordinal);
    }
}
