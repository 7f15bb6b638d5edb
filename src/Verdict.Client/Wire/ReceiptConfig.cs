namespace Verdict.Client.Wire;

/// <summary>What an arm pins, as the server's config carries it (docs/server.md, "Config").</summary>
public sealed record ReceiptConfig
{
    /// <summary>The model id, or null when the arm does not pin one.</summary>
    public string? Model { get; init; }

    /// <summary>The prompt version or the system prompt text.</summary>
    public string? Prompt { get; init; }

    /// <summary>Decoder settings, or null.</summary>
    public DecoderConfig? Decoder { get; init; }

    /// <summary>The retrieval index snapshot, or null.</summary>
    public string? RetrievalIndex { get; init; }

    /// <summary>Other pinned components (name → version).</summary>
    public IReadOnlyDictionary<string, string> Components { get; init; } = new Dictionary<string, string>();
}
