using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenAI;
using Verdict.AI;
using Verdict.Arena.Tests.Server;
using Verdict.Client;
using Verdict.Server.Tests;

namespace Verdict.EndToEnd.Tests.Online;

/// <summary>
/// The whole online path on loopback: the Verdict server (Kestrel, real store), a host running the SDK, and the real
/// Microsoft.Extensions.AI OpenAI client talking over HTTP to a scripted OpenAI-compatible server, wrapped in the
/// experiment middleware. The SDK and server share one fake clock, so polls and flushes happen when a test says.
/// </summary>
internal sealed class LiveStack : IAsyncDisposable
{
    /// <summary>The example brief turned into a model swap: treatment pins support-generator-v8, the one declared change.</summary>
    public static string ModelSwap(string yaml) => yaml
        .Replace("field: components.query_rewrite", "field: model", StringComparison.Ordinal)
        .Replace("receipt_must_match: [model, prompt, retrieval_index, decoder]", "receipt_must_match: [prompt, retrieval_index, decoder]", StringComparison.Ordinal)
        .Replace("      model: support-generator-v7\n      retrieval_index: refund-policies-2026-05-01\n      decoder:\n        selection: greedy\n        output_schema: refund-answer-v2\n      components:\n        query_rewrite: query-rewrite-v1\n",
            "      model: support-generator-v8\n      retrieval_index: refund-policies-2026-05-01\n      decoder:\n        selection: greedy\n        output_schema: refund-answer-v2\n", StringComparison.Ordinal);

    public static readonly IReadOnlyDictionary<string, ModelPrice> Prices = new Dictionary<string, ModelPrice>
    {
        ["support-generator-v7"] = new(2.5, 10),
        ["support-generator-v8"] = new(5, 15),
    };

    private LiveStack(ServerHarness server, ScriptedOpenAIServer llm, IHost host)
    {
        Server = server;
        Llm = llm;
        Host = host;
    }

    public ServerHarness Server { get; }

    public ScriptedOpenAIServer Llm { get; }

    public IHost Host { get; }

    public IChatClient Chat => Host.Services.GetRequiredService<IChatClient>();

    public VerdictClient Verdict => Host.Services.GetRequiredService<VerdictClient>();

    public static async Task<LiveStack> StartAsync(
        string engine = "duckdb",
        Func<ExperimentChatClientOptions, ExperimentChatClientOptions>? middleware = null,
        Action<VerdictClientOptions>? sdk = null,
        Func<string, string>? brief = null,
        bool startExperiment = true,
        Func<ChatClientBuilder, ChatClientBuilder>? pipeline = null)
    {
        var server = await ServerHarness.StartAsync(engine);
        if (startExperiment)
        {
            await server.CreateAndStartAsync(brief ?? ModelSwap);
        }

        var llm = await ScriptedOpenAIServer.StartAsync();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(server.Time);
        var sdkKey = server.Sdk.DefaultRequestHeaders.Authorization!.Parameter!;
        builder.Services.AddVerdict(o =>
        {
            o.ServerUrl = server.BaseAddress;
            o.ApiKey = sdkKey;
            sdk?.Invoke(o);
        });
        var openAi = new OpenAIClient(new ApiKeyCredential("test-key"), new OpenAIClientOptions { Endpoint = new Uri(llm.BaseUrl) });
        var chat = builder.Services.AddChatClient(openAi.GetChatClient("app-default-model").AsIChatClient())
            .UseExperiment("refund-query-rewrite", o => middleware?.Invoke(o with { Prices = Prices }) ?? (o with { Prices = Prices }));
        (pipeline?.Invoke(chat) ?? chat).Use(inner => new ClockAdvancingChatClient(inner, server.Time));
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new LiveStack(server, llm, host);
    }

    /// <summary>One user turn in a conversation.</summary>
    public Task<ChatResponse> AskAsync(string conversation, string text) =>
        Chat.GetResponseAsync([new ChatMessage(ChatRole.User, text)], new ChatOptions { ConversationId = conversation }, TestContext.Current.CancellationToken);

    /// <summary>Stops the SDK's host, which flushes every queued row to the server.</summary>
    public Task FlushAsync() => Host.StopAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        using (var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await Host.StopAsync(bounded.Token);
        }

        Host.Dispose();
        await Llm.DisposeAsync();
        await Server.DisposeAsync();
    }
}
