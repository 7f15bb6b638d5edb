using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Verdict.Arena.Dataset;
using Verdict.Arena.Evaluation;
using Verdict.Client;

namespace Verdict.AI.Judging;

/// <summary>
/// The online judge (docs/sdk.md, "Online judge"): after each call, a trace whose id is in the declared sample
/// (<see cref="TraceSample"/>) is queued; a background worker scores it with the arena's <see cref="RubricJudge"/> on the
/// pinned judge model and logs one outcome event per rubric axis through the SDK, so scores become metrics and guardrails
/// like any other event. The request path only offers to a bounded queue: a full queue drops the trace and counts it,
/// and a judge that is slow, down or malformed never delays, fails or changes a response.
/// </summary>
public sealed class OnlineJudgeChatClient : DelegatingChatClient
{
    private const int ReasonCharacters = 500;
    private readonly VerdictClient verdict;
    private readonly OnlineJudgeOptions options;
    private readonly ILogger logger;
    private readonly RubricJudge rubric;
    private readonly Channel<JudgedTrace> queue;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task worker;
    private long sampled;
    private long dropped;
    private long scored;
    private long failed;
    private long malformed;

    /// <summary>Wraps <paramref name="inner"/>; scores are logged through <paramref name="verdict"/>.</summary>
    public OnlineJudgeChatClient(IChatClient inner, VerdictClient verdict, OnlineJudgeOptions options, ILogger? logger = null)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.verdict = verdict;
        this.options = options;
        this.logger = logger ?? NullLogger.Instance;
        rubric = new RubricJudge(options.Axes);

        // The judge prompt is pinned by its hash: the rubric's system prompt does not depend on the trace.
        PromptSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rubric.Messages(new GoldenCase("-", "-", null, null, [], new Dictionary<string, string>()), "-")[0].Text)));
        queue = Channel.CreateBounded<JudgedTrace>(new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        worker = Task.Run(RunAsync);
    }

    /// <summary>The SHA-256 (hex) of the judge's system prompt, recorded on every score as <c>judge_prompt_sha256</c>.</summary>
    public string PromptSha256 { get; }

    /// <summary>Traces in the sample so far (queued or dropped).</summary>
    public long Sampled => Interlocked.Read(ref sampled);

    /// <summary>Sampled traces dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Traces scored (each logged one event per axis).</summary>
    public long Scored => Interlocked.Read(ref scored);

    /// <summary>Traces whose judge call failed (unreachable, error status, timeout).</summary>
    public long Failed => Interlocked.Read(ref failed);

    /// <summary>Traces whose every judge reply was malformed (recorded as such, never guessed into a score).</summary>
    public long Malformed => Interlocked.Read(ref malformed);

    /// <summary>Traces queued and not yet judged.</summary>
    public int Pending => queue.Reader.Count;

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        Offer(list, options, response.Text);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var text = new StringBuilder();
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            text.Append(update.Text);
            yield return update;
        }

        Offer(list, options, text.ToString());
    }

    /// <summary>Stops taking traces and waits (up to <paramref name="cancellationToken"/>) until the queued ones are judged.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        queue.Writer.TryComplete();
        await worker.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            queue.Writer.TryComplete();
            stopping.Cancel();
            stopping.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Offer(IReadOnlyList<ChatMessage> messages, ChatOptions? chatOptions, string answer)
    {
        var trace = options.TraceIdFrom(messages, chatOptions);
        var unit = options.UnitFrom(messages, chatOptions);
        if (trace is null || unit is null || !TraceSample.Includes(options.Salt, trace, options.Fraction))
        {
            return;
        }

        Interlocked.Increment(ref sampled);
        var question = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? string.Empty;
        if (!queue.Writer.TryWrite(new JudgedTrace(trace, unit, question, answer)))
        {
            // Full (or draining): the request path never waits for the judge.
            var count = Interlocked.Increment(ref dropped);
            if (count == 1 || count % 1000 == 0)
            {
                logger.LogWarning("Online judge queue full: {Dropped} sampled traces dropped so far", count);
            }
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var trace in queue.Reader.ReadAllAsync(stopping.Token).ConfigureAwait(false))
            {
                await JudgeAsync(trace).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Disposed: the traces still queued are not judged.
        }
    }

    private async Task JudgeAsync(JudgedTrace trace)
    {
        var messages = rubric.Messages(new GoldenCase(trace.Id, trace.Question, null, null, [], new Dictionary<string, string>()), trace.Answer);
        for (var attempt = 1; attempt <= options.Attempts; attempt++)
        {
            ChatResponse reply;
            try
            {
                using var timeout = new CancellationTokenSource(options.Timeout, options.Time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping.Token);
                reply = await options.Judge.GetResponseAsync(messages, new ChatOptions { ModelId = options.JudgeModel, Temperature = 0 }, linked.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                // An outage or a timeout: counted and logged; the trace is not retried (no storm on a judge that is down).
                Interlocked.Increment(ref failed);
                logger.LogWarning(e, "Online judge call failed for trace {Trace}", trace.Id);
                return;
            }

            if (rubric.Parse(reply.Text) is not { } scores)
            {
                continue;
            }

            foreach (var (axis, score) in scores)
            {
                verdict.Track(options.EventName, trace.Unit, score.Score, new Dictionary<string, string>
                {
                    ["axis"] = axis,
                    ["trace_id"] = trace.Id,
                    ["reason"] = score.Reason.Length > ReasonCharacters ? score.Reason[..ReasonCharacters] : score.Reason,
                    ["judge_model"] = options.JudgeModel,
                    ["judge_model_served"] = reply.ModelId ?? string.Empty,
                    ["judge_prompt_sha256"] = PromptSha256,
                    ["rubric_version"] = options.RubricVersion,
                    ["attempt"] = attempt.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            }

            Interlocked.Increment(ref scored);
            return;
        }

        Interlocked.Increment(ref malformed);
        logger.LogWarning("Online judge replies for trace {Trace} were malformed {Attempts} times; no score recorded", trace.Id, options.Attempts);
    }

    private sealed record JudgedTrace(string Id, string Unit, string Question, string Answer);
}
