using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace Verdict.Arena;

/// <summary>
/// Builds callers for an endpoint: OpenAI-compatible endpoints (OpenAI, vLLM, LM Studio, Ollama's /v1) through
/// Microsoft.Extensions.AI.OpenAI, Ollama's native API through OllamaSharp, or a replay file. API keys come from the
/// environment variable the spec names.
/// The OpenAI client's own retries are turned off so that the arena's policy (and its counts) apply.
/// </summary>
internal sealed class ProviderFactory(ArenaSpec spec, ResponseCache? cache, ResilientCall resilient, CallMeter meter)
{
    /// <summary>Default endpoint of the <c>ollama</c> provider (its native API).</summary>
    public const string OllamaEndpoint = "http://127.0.0.1:11434";

    /// <summary>A chat caller for a variant or the judge.</summary>
    public IModelCaller Chat(ModelEndpointSpec endpoint, TimeSpan timeout)
    {
        if (endpoint.Provider == "replay")
        {
            return new ReplayModelCaller(spec.Resolve(endpoint.Replay!), endpoint.Price, meter);
        }

        if (endpoint.Provider == "ollama")
        {
            var ollama = Ollama(endpoint, timeout);
            return new ChatModelCaller(ollama, endpoint.Provider, ollama.Uri.ToString(), endpoint.Price, cache, resilient, meter);
        }

        var (client, url) = Client(endpoint, endpoint is JudgeSpec ? "judge" : "variant", timeout);
        return new ChatModelCaller(client.GetChatClient(endpoint.Model).AsIChatClient(), endpoint.Provider, url, endpoint.Price, cache, resilient, meter);
    }

    /// <summary>An embedding caller for the similarity evaluator.</summary>
    public EmbeddingCaller Embedding(EmbeddingSpec endpoint, TimeSpan timeout)
    {
        if (endpoint.Provider == "replay")
        {
            throw new InvalidDataException("similarity: the replay provider cannot embed text; use an OpenAI-compatible endpoint");
        }

        if (endpoint.Provider == "ollama")
        {
            var ollama = Ollama(endpoint, timeout);
            return new EmbeddingCaller(ollama, endpoint.Provider, ollama.Uri.ToString(), endpoint.Model, cache, resilient, meter);
        }

        var (client, url) = Client(endpoint, "similarity.embedding", timeout);
        return new EmbeddingCaller(client.GetEmbeddingClient(endpoint.Model).AsIEmbeddingGenerator(), endpoint.Provider, url, endpoint.Model, cache, resilient, meter);
    }

    private static OllamaApiClient Ollama(ModelEndpointSpec endpoint, TimeSpan timeout)
    {
        var http = new HttpClient { BaseAddress = new Uri(endpoint.Endpoint ?? OllamaEndpoint), Timeout = timeout + TimeSpan.FromSeconds(5) };
        return new OllamaApiClient(http, endpoint.Model);
    }

    private (OpenAIClient Client, string Url) Client(ModelEndpointSpec endpoint, string where, TimeSpan timeout)
    {
        var (url, variable) = ArenaEndpoints.Route(spec, endpoint, where);
        string key;
        if (variable is null)
        {
            key = "no-key";
        }
        else
        {
            key = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
                ? value
                : throw new InvalidDataException($"the API key variable {variable} is not set (keys come from the environment, never from arena.yaml)");
        }

        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(url),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = timeout + TimeSpan.FromSeconds(5),
            ClientLoggingOptions = new ClientLoggingOptions { EnableLogging = false },
            EnableDistributedTracing = false,
        };
        return (new OpenAIClient(new ApiKeyCredential(key), options), url);
    }
}
