namespace Verdict.Arena.Configuration;

/// <summary>One contender: a prompt on a model with decoder settings; its receipt can be promoted into a brief.</summary>
public sealed class VariantSpec : ModelEndpointSpec
{
    /// <summary>Short name, such as <c>A</c> or <c>B</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>System prompt text.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>User message template; <c>{{input}}</c> and <c>{{context}}</c> are replaced. Default <c>{{input}}</c>.</summary>
    public string Template { get; init; } = "{{input}}";

    /// <summary>Human version label of the prompt; its SHA-256 is recorded beside it.</summary>
    public string? PromptVersion { get; init; }

    /// <summary>JSON Schema the output must follow (a path relative to arena.yaml), requested as structured output.</summary>
    public string? OutputSchema { get; init; }

    /// <summary>Retrieval index snapshot the variant reads, if any.</summary>
    public string? IndexSnapshot { get; init; }

    /// <summary>Other pinned components (tool versions, guardrail model, …).</summary>
    public Dictionary<string, string> Pinned { get; init; } = [];
}
