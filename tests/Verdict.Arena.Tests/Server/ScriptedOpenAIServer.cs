using System.Collections.Concurrent;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Verdict.Arena.Tests.Server;

/// <summary>
/// A loopback OpenAI-compatible server on Kestrel (127.0.0.1, ephemeral port) implementing POST /v1/chat/completions
/// and /v1/embeddings. Each test scripts it: a queue of replies consumed first, then a responder function; it counts
/// calls. The real Microsoft.Extensions.AI OpenAI client talks to it over HTTP.
/// </summary>
public sealed class ScriptedOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ScriptedReply> queue = new();
    private int chatCalls;
    private int embeddingCalls;
    private int inFlight;
    private int maxInFlight;

    private ScriptedOpenAIServer(WebApplication app) => this.app = app;

    /// <summary>Answers chat calls when the queue is empty. Default: echo the user message.</summary>
    public Func<ChatCall, ScriptedReply> Responder { get; set; } = call => new ScriptedReply(call.User);

    /// <summary>Embeds one input. Default: a bag-of-letters vector.</summary>
    public Func<string, float[]> Embedder { get; set; } = LetterVector;

    /// <summary>Fixed delay added before every chat reply.</summary>
    public TimeSpan ChatDelay { get; set; }

    /// <summary>Chat calls received.</summary>
    public int ChatCalls => Volatile.Read(ref chatCalls);

    /// <summary>Most chat calls the server was answering at once (counted while a reply is delayed).</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>Embedding calls received.</summary>
    public int EmbeddingCalls => Volatile.Read(ref embeddingCalls);

    /// <summary>Keep every chat call in <see cref="Calls"/>. Default true; benchmarks turn it off.</summary>
    public bool RecordCalls { get; set; } = true;

    /// <summary>Every chat call received.</summary>
    public ConcurrentQueue<ChatCall> Calls { get; } = new();

    /// <summary>Base URL of the OpenAI-compatible API, ending in /v1.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Base URL of the Ollama-native API (/api/chat, /api/embed).</summary>
    public string OllamaUrl => BaseUrl[..^3];

    /// <summary>Queues replies served before the responder.</summary>
    public void Enqueue(params ScriptedReply[] replies)
    {
        foreach (var reply in replies)
        {
            queue.Enqueue(reply);
        }
    }

    public static async Task<ScriptedOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ScriptedOpenAIServer(app);
        app.MapPost("/v1/chat/completions", server.ChatAsync);
        app.MapPost("/v1/embeddings", server.EmbeddingsAsync);
        app.MapPost("/api/chat", server.OllamaChatAsync);
        app.MapPost("/api/embed", server.OllamaEmbedAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v1";
        return server;
    }

    private async Task ChatAsync(HttpContext context)
    {
        var (call, reply) = await ScriptAsync(context).ConfigureAwait(false);
        if (reply is null)
        {
            return;
        }

        if (call.Streaming)
        {
            await StreamAsync(context, call, reply).ConfigureAwait(false);
            return;
        }

        await context.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = call.Model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = reply.Content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = reply.PromptTokens, completion_tokens = reply.CompletionTokens, total_tokens = reply.PromptTokens + reply.CompletionTokens },
        }).ConfigureAwait(false);
    }

    /// <summary>Server-sent events as OpenAI streams them: one chunk per word, a finish chunk, a usage chunk, then [DONE].</summary>
    private static async Task StreamAsync(HttpContext context, ChatCall call, ScriptedReply reply)
    {
        context.Response.ContentType = "text/event-stream";
        async Task ChunkAsync(object chunk)
        {
            await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n").ConfigureAwait(false);
            await context.Response.Body.FlushAsync().ConfigureAwait(false);
        }

        var words = reply.Content.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var text = i == 0 ? words[i] : " " + words[i];
            await ChunkAsync(new { id = "chatcmpl-test", @object = "chat.completion.chunk", created = 1_700_000_000, model = call.Model, choices = new[] { new { index = 0, delta = new { role = "assistant", content = text }, finish_reason = (string?)null } } }).ConfigureAwait(false);
        }

        await ChunkAsync(new { id = "chatcmpl-test", @object = "chat.completion.chunk", created = 1_700_000_000, model = call.Model, choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } } }).ConfigureAwait(false);
        await ChunkAsync(new { id = "chatcmpl-test", @object = "chat.completion.chunk", created = 1_700_000_000, model = call.Model, choices = Array.Empty<object>(), usage = new { prompt_tokens = reply.PromptTokens, completion_tokens = reply.CompletionTokens, total_tokens = reply.PromptTokens + reply.CompletionTokens } }).ConfigureAwait(false);
        await context.Response.WriteAsync("data: [DONE]\n\n").ConfigureAwait(false);
    }

    private async Task OllamaChatAsync(HttpContext context)
    {
        var (call, reply) = await ScriptAsync(context).ConfigureAwait(false);
        if (reply is null)
        {
            return;
        }

        context.Response.ContentType = "application/x-ndjson";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            model = call.Model,
            created_at = "2026-11-23T00:00:00Z",
            message = new { role = "assistant", content = reply.Content },
            done = true,
            done_reason = "stop",
            prompt_eval_count = reply.PromptTokens,
            eval_count = reply.CompletionTokens,
        }) + "\n").ConfigureAwait(false);
    }

    /// <summary>Reads a chat request, applies the script; returns null for the reply when the response is already written.</summary>
    private async Task<(ChatCall Call, ScriptedReply? Reply)> ScriptAsync(HttpContext context)
    {
        Interlocked.Increment(ref chatCalls);
        using var document = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false);
        var body = RecordCalls ? document.RootElement.Clone() : document.RootElement;
        string system = "", user = "";
        foreach (var message in body.GetProperty("messages").EnumerateArray())
        {
            var content = message.GetProperty("content");
            var text = content.ValueKind == JsonValueKind.String ? content.GetString()! : string.Concat(content.EnumerateArray().Select(p => p.GetProperty("text").GetString()));
            if (message.GetProperty("role").GetString() == "system") { system = text; } else { user = text; }
        }

        var call = new ChatCall(body.GetProperty("model").GetString()!, system, user, body)
        {
            Streaming = body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True,
        };
        if (RecordCalls)
        {
            Calls.Enqueue(call);
        }
        var reply = queue.TryDequeue(out var queued) ? queued : Responder(call);
        var delay = reply.Delay + ChatDelay;
        if (delay > TimeSpan.Zero)
        {
            var now = Interlocked.Increment(ref inFlight);
            for (var seen = Volatile.Read(ref maxInFlight); now > seen && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen; seen = Volatile.Read(ref maxInFlight))
            {
            }

            try
            {
                await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return (call, null);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }

        context.Response.StatusCode = reply.Status;
        if (reply.Status != 200)
        {
            await context.Response.WriteAsJsonAsync(new { error = new { message = "scripted error", type = "server_error", code = reply.Status } }).ConfigureAwait(false);
            return (call, null);
        }

        return (call, reply);
    }

    private async Task OllamaEmbedAsync(HttpContext context)
    {
        Interlocked.Increment(ref embeddingCalls);
        using var document = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false);
        var body = document.RootElement;
        var input = body.GetProperty("input");
        var inputs = input.ValueKind == JsonValueKind.Array ? input.EnumerateArray().Select(i => i.GetString()!).ToList() : [input.GetString()!];
        await context.Response.WriteAsJsonAsync(new { model = body.GetProperty("model").GetString(), embeddings = inputs.Select(Embedder).ToList() }).ConfigureAwait(false);
    }

    private async Task EmbeddingsAsync(HttpContext context)
    {
        Interlocked.Increment(ref embeddingCalls);
        using var document = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false);
        var body = document.RootElement;
        var inputs = body.GetProperty("input").ValueKind == JsonValueKind.Array
            ? body.GetProperty("input").EnumerateArray().Select(i => i.GetString()!).ToList()
            : [body.GetProperty("input").GetString()!];
        var base64 = body.TryGetProperty("encoding_format", out var format) && format.GetString() == "base64";
        var data = inputs.Select((input, index) =>
        {
            var vector = Embedder(input);
            object embedding = base64 ? Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())) : vector;
            return new { @object = "embedding", index, embedding };
        }).ToList();
        await context.Response.WriteAsJsonAsync(new
        {
            @object = "list",
            data,
            model = body.GetProperty("model").GetString(),
            usage = new { prompt_tokens = 1, total_tokens = 1 },
        }).ConfigureAwait(false);
    }

    private static float[] LetterVector(string text)
    {
        var vector = new float[26];
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z')
            {
                vector[c - 'a']++;
            }
        }

        return vector;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
