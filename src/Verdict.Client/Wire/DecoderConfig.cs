namespace Verdict.Client.Wire;

/// <summary>An arm's decoder settings; null fields are left as the caller set them.</summary>
public sealed record DecoderConfig
{
    /// <summary>"greedy" or "sampling", as the brief says.</summary>
    public string? Selection { get; init; }

    /// <summary>Sampling temperature.</summary>
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling mass.</summary>
    public double? TopP { get; init; }

    /// <summary>Maximum output tokens.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>The output schema's name or version.</summary>
    public string? OutputSchema { get; init; }
}
