using Microsoft.Extensions.AI;
using Verdict.AI.Guardrails;

namespace Verdict.AI;

/// <summary>How <see cref="ExperimentChatClient"/> runs one experiment (docs/sdk.md, "IChatClient middleware").</summary>
public sealed record ExperimentChatClientOptions
{
    /// <summary>The experiment key. Required.</summary>
    public required string Experiment { get; init; }

    /// <summary>
    /// The unit of a call. Default: <see cref="ChatOptions.ConversationId"/>, so every turn of a conversation gets the
    /// same arm. A call whose unit is null passes through untouched and unlogged.
    /// </summary>
    public Func<IEnumerable<ChatMessage>, ChatOptions?, string?> UnitFrom { get; init; } = static (_, options) => options?.ConversationId;

    /// <summary>The event each call is logged as. Default <c>llm_call</c>; its properties are listed in docs/sdk.md.</summary>
    public string CallEvent { get; init; } = "llm_call";

    /// <summary>
    /// Prices by model id, for the <c>cost_usd</c> property; they win over the brief's <c>prices</c> (served in the
    /// config). A model priced by neither logs no cost.
    /// </summary>
    public IReadOnlyDictionary<string, ModelPrice> Prices { get; init; } = new Dictionary<string, ModelPrice>();

    /// <summary>System prompt texts by the prompt version a receipt pins; a version not listed is used as the text itself.</summary>
    public IReadOnlyDictionary<string, string> Prompts { get; init; } = new Dictionary<string, string>();

    /// <summary>Shadow mode (seed 001's first rung): serve control, and run each treatment beside it unseen, logging both.</summary>
    public bool Shadow { get; init; }

    /// <summary>Shadow calls running at once; more are skipped and counted, never queued behind the request path. Default 4.</summary>
    public int MaxShadowConcurrency { get; init; } = 4;

    /// <summary>Characters of each shadow answer kept on its event, for later pairwise judging. Default 4 000.</summary>
    public int ShadowOutputCharacters { get; init; } = 4_000;

    /// <summary>Inline guardrails, run in order on every non-streaming response (streaming responses are checked and logged only).</summary>
    public IReadOnlyList<IResponseGuardrail> Guardrails { get; init; } = [];

    /// <summary>Attributes logged with each exposure (segments), from the call. Default none.</summary>
    public Func<IEnumerable<ChatMessage>, ChatOptions?, IReadOnlyDictionary<string, string>?> AttributesFrom { get; init; } = static (_, _) => null;
}
