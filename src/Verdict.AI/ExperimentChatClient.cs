using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Verdict.AI.Guardrails;
using Verdict.Client;
using Verdict.Client.Wire;

namespace Verdict.AI;

/// <summary>
/// Runs one experiment on every call through it: resolves the unit (the conversation by default), assigns it
/// locally, applies the arm's receipt to a clone of <see cref="ChatOptions"/>, logs the exposure once, tags the current
/// Activity, and logs the call (latency, time to first token, tokens, cost, errors) as an event. Optionally runs the
/// treatment in shadow and applies inline guardrails. Logging never blocks or throws into the call.
/// </summary>
public sealed class ExperimentChatClient : DelegatingChatClient
{
    // The assignment status of a shadowed call, and the config's stage that switches shadow mode on (docs/sdk.md).
    private const string ShadowStatus = "shadow";

    private readonly VerdictClient verdict;
    private readonly ExperimentChatClientOptions settings;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, bool> warmArms = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim shadowSlots;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    public ExperimentChatClient(IChatClient innerClient, VerdictClient verdict, ExperimentChatClientOptions settings)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(settings.Experiment);
        this.verdict = verdict;
        this.settings = settings;
        time = verdict.Time;
        shadowSlots = new SemaphoreSlim(Math.Max(1, settings.MaxShadowConcurrency));
    }

    /// <summary>Shadow calls skipped because <see cref="ExperimentChatClientOptions.MaxShadowConcurrency"/> were running.</summary>
    public long ShadowCallsSkipped => Interlocked.Read(ref shadowSkipped);

    private long shadowSkipped;

    /// <summary>Shadow calls still running (their events are queued when they end).</summary>
    public int ShadowCallsInFlight => Math.Max(1, settings.MaxShadowConcurrency) - shadowSlots.CurrentCount;

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (Resolve(messages, options) is not { } assignment)
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }

        var arm = assignment.Arm!;
        var served = ReceiptOptions.Apply(options, arm.Receipt, settings.Prompts);
        var pair = assignment.Status == ShadowStatus ? Guid.CreateVersion7(time.GetUtcNow()).ToString("N") : null;
        if (pair is not null)
        {
            StartShadows(messages, options, assignment, pair);
        }

        var started = time.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, served, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log(assignment, arm, served.ModelId, started, null, null, e.GetType().Name, streaming: false, pair, null);
            throw;
        }

        var checkedResponse = Guard(response, assignment, canChange: true);
        Log(assignment, arm, response.ModelId ?? served.ModelId, started, null, response.Usage, null, streaming: false, pair, pair is null ? null : response.Text);
        return checkedResponse;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Resolve(messages, options) is not { } assignment)
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        var arm = assignment.Arm!;
        var served = ReceiptOptions.Apply(options, arm.Receipt, settings.Prompts);
        var started = time.GetTimestamp();
        long? firstToken = null;
        UsageDetails? usage = null;
        string? model = served.ModelId;
        var text = settings.Guardrails.Count > 0 ? new StringBuilder() : null;
        await using var updates = base.GetStreamingResponseAsync(messages, served, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await updates.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                update = updates.Current;
            }
            catch (Exception e)
            {
                Log(assignment, arm, model, started, firstToken, usage, e.GetType().Name, streaming: true, null, null);
                throw;
            }

            firstToken ??= time.GetTimestamp();
            model = update.ModelId ?? model;
            foreach (var content in update.Contents)
            {
                if (content is UsageContent u)
                {
                    usage = u.Details;
                }
            }

            text?.Append(update.Text);
            yield return update;
        }

        if (text is not null)
        {
            Guard(new ChatResponse(new ChatMessage(ChatRole.Assistant, text.ToString())), assignment, canChange: false);
        }

        Log(assignment, arm, model, started, firstToken, usage, null, streaming: true, null, null);
    }

    private VerdictAssignment? Resolve(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var unit = settings.UnitFrom(messages, options);
        if (string.IsNullOrEmpty(unit))
        {
            return null;
        }

        var assignment = verdict.Assign(settings.Experiment, unit);
        if (assignment.Arm is null)
        {
            return null;
        }

        if (settings.Shadow || (verdict.Config.Experiments.TryGetValue(settings.Experiment, out var served) && served.Config.Stage == ShadowStatus))
        {
            // Shadow: everyone is served control; the treatments run beside it unseen, and nobody is enrolled.
            var control = verdict.Config.Experiments[settings.Experiment].Config.Arms.First(a => a.Control);
            assignment = assignment with { Arm = control, InExperiment = false, Status = ShadowStatus };
        }
        else
        {
            verdict.LogExposure(assignment, settings.AttributesFrom(messages, options));
        }

        if (Activity.Current is { } activity)
        {
            activity.SetTag("verdict.experiment", settings.Experiment);
            activity.SetTag("verdict.experiment.version", assignment.Version);
            activity.SetTag("verdict.arm", assignment.Arm!.Name);
        }

        return assignment;
    }

    private ChatResponse Guard(ChatResponse response, VerdictAssignment assignment, bool canChange)
    {
        foreach (var guardrail in settings.Guardrails)
        {
            if (guardrail.Check(response) is not { } trigger)
            {
                continue;
            }

            verdict.Track("guardrail_triggered", assignment.UnitId, 1, new Dictionary<string, string>
            {
                ["experiment"] = assignment.Experiment,
                ["arm"] = assignment.Arm!.Name,
                ["guardrail"] = trigger.Guardrail,
                ["action"] = canChange ? trigger.Action.ToString().ToLowerInvariant() : "log",
                ["reason"] = trigger.Reason,
            });
            if (canChange && trigger.Action != GuardrailAction.Log && trigger.Replacement is { } replacement)
            {
                var replaced = new ChatResponse(new ChatMessage(ChatRole.Assistant, replacement))
                {
                    ResponseId = response.ResponseId,
                    ConversationId = response.ConversationId,
                    ModelId = response.ModelId,
                    Usage = response.Usage,
                    CreatedAt = response.CreatedAt,
                    FinishReason = trigger.Action == GuardrailAction.Block ? ChatFinishReason.ContentFilter : response.FinishReason,
                };
                if (trigger.Action == GuardrailAction.Block)
                {
                    return replaced;
                }

                response = replaced;
            }
        }

        return response;
    }

    private void StartShadows(IEnumerable<ChatMessage> messages, ChatOptions? options, VerdictAssignment assignment, string pair)
    {
        var experiment = verdict.Config.Experiments[settings.Experiment].Config;
        var history = messages.ToList();
        foreach (var arm in experiment.Arms.Where(a => !a.Control))
        {
            if (!shadowSlots.Wait(0))
            {
                Interlocked.Increment(ref shadowSkipped);
                continue;
            }

            _ = RunShadowAsync(history, options, assignment with { Arm = arm }, arm, pair);
        }
    }

    private async Task RunShadowAsync(List<ChatMessage> messages, ChatOptions? options, VerdictAssignment assignment, ArmConfig arm, string pair)
    {
        var served = ReceiptOptions.Apply(options, arm.Receipt, settings.Prompts);
        var started = time.GetTimestamp();
        try
        {
            var response = await InnerClient.GetResponseAsync(messages, served, CancellationToken.None).ConfigureAwait(false);
            Log(assignment, arm, response.ModelId ?? served.ModelId, started, null, response.Usage, null, streaming: false, pair, response.Text);
        }
        catch (Exception e)
        {
            Log(assignment, arm, served.ModelId, started, null, null, e.GetType().Name, streaming: false, pair, null);
        }
        finally
        {
            shadowSlots.Release();
        }
    }

    private void Log(VerdictAssignment assignment, ArmConfig arm, string? model, long started, long? firstToken, UsageDetails? usage, string? error, bool streaming, string? pair, string? output)
    {
        var ended = time.GetTimestamp();
        double? cost = model is not null && usage is { InputTokenCount: { } input, OutputTokenCount: { } outputTokens } && Price(model) is { } price
            ? price.Cost(input, outputTokens)
            : null;
        verdict.Enqueue(new CallRow
        {
            Name = pair is null ? settings.CallEvent : "shadow_call",
            UnitId = assignment.UnitId,
            Timestamp = time.GetUtcNow(),
            Experiment = assignment.Experiment,
            Version = assignment.Version,
            Arm = arm.Name,
            ReceiptHash = arm.ReceiptHash,
            Model = model,
            LatencyMs = time.GetElapsedTime(started, ended).TotalMilliseconds,
            TimeToFirstTokenMs = firstToken is { } first ? time.GetElapsedTime(started, first).TotalMilliseconds : null,
            InputTokens = usage?.InputTokenCount,
            OutputTokens = usage?.OutputTokenCount,
            CostUsd = cost,
            Error = error,
            Streaming = streaming,
            ShadowPair = pair,
            Cold = pair is null ? null : warmArms.TryAdd(arm.Name, true),
            Output = output is null ? null : output.Length > settings.ShadowOutputCharacters ? output[..settings.ShadowOutputCharacters] : output,
            IdempotencyKey = Guid.CreateVersion7(time.GetUtcNow()),
        });
    }

    /// <summary>The middleware's own price for <paramref name="model"/>, else the brief's (served in the config), else null.</summary>
    private ModelPrice? Price(string model)
    {
        if (settings.Prices.TryGetValue(model, out var own))
        {
            return own;
        }

        return verdict.Config.Experiments.TryGetValue(settings.Experiment, out var served) && served.Config.Prices?.GetValueOrDefault(model) is { } brief
            ? new ModelPrice(brief.InputPerMillion, brief.OutputPerMillion)
            : null;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shadowSlots.Dispose();
        }

        base.Dispose(disposing);
    }
}
