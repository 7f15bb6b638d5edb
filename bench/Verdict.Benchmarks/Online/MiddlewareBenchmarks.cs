using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Verdict.AI;
using Verdict.Client;
using Verdict.Client.Config;
using Verdict.Client.Events;
using Verdict.Client.Wire;

namespace Verdict.Benchmarks.Online;

/// <summary>
/// The request-path cost of <see cref="ExperimentChatClient"/>: one call through an instant chat client with and without
/// the middleware (assign, receipt on a cloned ChatOptions, exposure de-duplication, the call's event row queued).
/// The queue is emptied after each call, as the sender would, so the full path is measured rather than the drop path.
/// </summary>
[MemoryDiagnoser]
public class MiddlewareBenchmarks
{
    private static readonly ChatMessage[] Messages = [new(ChatRole.User, "Where is my refund?")];
    private IChatClient bare = null!;
    private IChatClient wrapped = null!;
    private EventQueue queue = null!;
    private ChatOptions options = null!;
    private int turn;

    [GlobalSetup]
    public void Setup()
    {
        var time = TimeProvider.System;
        var poller = new ConfigPoller(new HttpClient(), time, NullLogger.Instance);
        poller.Load(new ServedConfig(Config(), "\"bench\"", time.GetUtcNow()));
        queue = new EventQueue(1 << 16, NullLogger.Instance, time);
        var client = new VerdictClient(poller, queue, time, new VerdictClientOptions { ServerUrl = new Uri("http://127.0.0.1:9"), ApiKey = "vk_bench" });
        bare = new InstantChatClient();
        wrapped = new ExperimentChatClient(bare, client, new ExperimentChatClientOptions
        {
            Experiment = "refund-query-rewrite",
            Prices = new Dictionary<string, ModelPrice> { ["support-generator-v7"] = new(2.5, 10), ["support-generator-v8"] = new(5, 15) },
        });
        options = new ChatOptions { ConversationId = "conv-000123" };
    }

    [Benchmark(Baseline = true, Description = "IChatClient without the middleware")]
    public Task<ChatResponse> Bare() => bare.GetResponseAsync(Messages, options);

    [Benchmark(Description = "with UseExperiment (same conversation: exposure already logged)")]
    public async Task<ChatResponse> Wrapped()
    {
        var response = await wrapped.GetResponseAsync(Messages, options).ConfigureAwait(false);
        while (queue.Reader.TryRead(out _))
        {
        }

        return response;
    }

    [Benchmark(Description = "with UseExperiment (a new conversation every call: exposure queued)")]
    public async Task<ChatResponse> WrappedNewUnit()
    {
        var response = await wrapped.GetResponseAsync(Messages, new ChatOptions { ConversationId = "c" + (turn++ & 0xFFFF) }).ConfigureAwait(false);
        while (queue.Reader.TryRead(out _))
        {
        }

        return response;
    }

    private static SdkConfig Config()
    {
        static ArmConfig Arm(string name, string model, bool control) => new()
        {
            Name = name,
            Weight = 0.5,
            Control = control,
            ReceiptHash = control ? "429cf714005283af" : "e21c73dc4450ebdc",
            Receipt = new ReceiptConfig { Model = model, Decoder = new DecoderConfig { Selection = "greedy", MaxTokens = 400 } },
        };

        return new SdkConfig
        {
            Revision = 1,
            Experiments =
            [
                new ExperimentConfig
                {
                    Key = "refund-query-rewrite", Version = 1, Status = "running", Salt = "refund-query-rewrite:v1", Exposure = 1, Unit = "conversation",
                    Arms = [Arm("control", "support-generator-v7", true), Arm("treatment", "support-generator-v8", false)], LockHash = "bench",
                },
            ],
        };
    }

    /// <summary>Answers at once with one cached response and its usage, so only the middleware's own work is timed.</summary>
    private sealed class InstantChatClient : IChatClient
    {
        private static readonly ChatResponse Response = new(new ChatMessage(ChatRole.Assistant, "Your refund is on its way."))
        {
            Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 20 },
        };

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => Task.FromResult(Response);

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
