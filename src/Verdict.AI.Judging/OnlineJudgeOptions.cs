using Microsoft.Extensions.AI;
using Verdict.Arena.Configuration;
using Verdict.Arena.Evaluation;

namespace Verdict.AI.Judging;

/// <summary>How <see cref="OnlineJudgeChatClient"/> samples and scores live traces (docs/sdk.md, "Online judge").</summary>
public sealed record OnlineJudgeOptions
{
    /// <summary>The share of traces judged, in (0, 1], in whole buckets of 1/10 000 (as exposure). Required.</summary>
    public required double Fraction { get; init; }

    /// <summary>The judge's endpoint (any IChatClient, such as the OpenAI client). Required.</summary>
    public required IChatClient Judge { get; init; }

    /// <summary>The judge model, pinned: sent as the model id of every judge call and recorded on every score. Required.</summary>
    public required string JudgeModel { get; init; }

    /// <summary>The rubric's version as its owner names it (recorded on every score). Required.</summary>
    public required string RubricVersion { get; init; }

    /// <summary>The rubric's axes, each scored 1–5 against its anchors by the arena's <see cref="RubricJudge"/>. Required.</summary>
    public required IReadOnlyList<RubricAxisSpec> Axes { get; init; }

    /// <summary>The salt of the sampling hash. Default <c>online-judge</c>; change it to judge another sample.</summary>
    public string Salt { get; init; } = "online-judge";

    /// <summary>The event each axis score is logged as (value = the score). Default <c>judge_score</c>.</summary>
    public string EventName { get; init; } = "judge_score";

    /// <summary>
    /// The trace id sampled on: the same id is sampled on every run. Default: the conversation id and the turn (the number
    /// of messages sent), so a replayed conversation samples the same turns. A call whose trace id is null is not judged.
    /// </summary>
    public Func<IEnumerable<ChatMessage>, ChatOptions?, string?> TraceIdFrom { get; init; } = static (messages, options) =>
        options?.ConversationId is { } conversation ? $"{conversation}#{messages.Count()}" : null;

    /// <summary>The unit a score is logged for (the experiment's unit). Default the conversation id, as the middleware's.</summary>
    public Func<IEnumerable<ChatMessage>, ChatOptions?, string?> UnitFrom { get; init; } = static (_, options) => options?.ConversationId;

    /// <summary>Traces waiting for the judge; when full, a sampled trace is dropped and counted. Default 256.</summary>
    public int QueueCapacity { get; init; } = 256;

    /// <summary>Judge calls per trace when the reply is malformed (the arena's rule: retried, never guessed). Default 2.</summary>
    public int Attempts { get; init; } = 2;

    /// <summary>How long one judge call may take before it counts as failed. Default 60 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock of the judge call's timeout.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Judge);
        ArgumentNullException.ThrowIfNull(Axes);
        ArgumentNullException.ThrowIfNull(TraceIdFrom);
        ArgumentNullException.ThrowIfNull(UnitFrom);
        ArgumentNullException.ThrowIfNull(Time);
        if (!(Fraction > 0 && Fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Fraction), Fraction, "the judged fraction must lie in (0, 1]");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(JudgeModel);
        ArgumentException.ThrowIfNullOrWhiteSpace(RubricVersion);
        ArgumentException.ThrowIfNullOrWhiteSpace(EventName);
        ArgumentException.ThrowIfNullOrEmpty(Salt);
        if (Axes.Count == 0 || Axes.Any(a => string.IsNullOrWhiteSpace(a.Name)))
        {
            throw new ArgumentException("give at least one rubric axis, each with a name", nameof(Axes));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 1, nameof(QueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(Attempts, 1, nameof(Attempts));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
    }
}
