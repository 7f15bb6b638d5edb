namespace Verdict.Arena.Configuration;

/// <summary>Where a model is reached and how it decodes: shared by variants, the judge and the embedding model.</summary>
public abstract class ModelEndpointSpec
{
    /// <summary><c>openai</c> (any OpenAI-compatible endpoint), <c>ollama</c> (its /v1 endpoint) or <c>replay</c>. Default <c>openai</c>.</summary>
    public string Provider { get; init; } = "openai";

    /// <summary>Base URL, for example <c>http://127.0.0.1:11434/v1</c>. Default: the provider's public endpoint.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Name of the environment variable holding the API key; keys never live in the file.</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>Model id.</summary>
    public string Model { get; init; } = "";

    /// <summary>Sampling temperature requested. Default 0 (deterministic decoding requested).</summary>
    public double Temperature { get; init; }

    /// <summary>Nucleus sampling mass requested, if any.</summary>
    public double? TopP { get; init; }

    /// <summary>Largest number of output tokens, if any.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Sampling seed requested. Default 42.</summary>
    public long? Seed { get; init; } = 42;

    /// <summary>Price per million tokens, for spend and the max-cost check.</summary>
    public PriceSpec Price { get; init; } = new();

    /// <summary>For the <c>replay</c> provider: JSONL file of recorded replies, relative to arena.yaml.</summary>
    public string? Replay { get; init; }
}
