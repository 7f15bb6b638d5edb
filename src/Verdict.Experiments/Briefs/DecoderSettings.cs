namespace Verdict.Experiments.Briefs;

/// <summary>The decoder settings an arm pins; null fields are not pinned.</summary>
public sealed record DecoderSettings
{
    /// <summary>Token selection, such as <c>greedy</c> or <c>sample</c>.</summary>
    public string? Selection { get; init; }

    /// <summary>Sampling temperature.</summary>
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling mass.</summary>
    public double? TopP { get; init; }

    /// <summary>The output token limit.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>The structured output schema name or version.</summary>
    public string? OutputSchema { get; init; }
}
