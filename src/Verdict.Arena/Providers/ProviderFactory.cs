using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using OllamaSharp;
using OpenAI;
using Verdict.Arena.Configuration;

namespace Verdict.Arena.Providers;

/// <summary>
/// Builds callers for an endpoint: OpenAI-compatible endpoints (OpenAI, vLLM, LM Studio, Ollama's /v1) through
/// Microsoft.Extensions.AI.OpenAI, Ollama's native API through OllamaSharp, or a replay file. Live clients send over
/// the run's <see cref="ArenaHttp"/> (retry, limiter, timeout) under M.E.AI's caching middleware when a cache is on.
/// API keys come from the environment variable the spec names. The OpenAI client's own retries and network timeout
/// are off so that the arena's pipeline (and its counts) apply.
/// </summary>
internal sealed class ProviderFactory(ArenaSpec spec, IDistributedCache? cache, ArenaHttp http, CallMeter meter)
{
    /// <summary>Default endpoint of the <c>ollama</c> provider (its native API).</summary>
    public const string OllamaEndpoint = "http://127.0.0.1:11434";

    /// <summary>A chat caller for a variant or the judge; with <paramref name="check"/>, malformed replies are asked again and never cached.</summary>
    public IModelCaller Chat(ModelEndpointSpec endpoint, ReplyCheck? check = null)
    {
        if (endpoint.Provider == "replay")
        {
            return new ReplayModelCaller(spec.Resolve(endpoint.Replay!), endpoint.Price, check, meter);
        }

        IChatClient client;
        string url;
        if (endpoint.Provider == "ollama")
        {
            var ollama = Ollama(endpoint);
            (client, url) = (ollama, ollama.Uri.ToString());
        }
        else
        {
            var (openAi, route) = OpenAi(endpoint, endpoint is JudgeSpec ? "judge" : "variant");
            (client, url) = (openAi.GetChatClient(endpoint.Model).AsIChatClient(), route);
        }

        if (cache is not null)
        {
            client = new ArenaChatCache(client, cache, endpoint.Provider, url, check?.Accept);
        }

        return new ChatModelCaller(client, url, endpoint.Price, check, meter);
    }

    /// <summary>An embedding caller for the similarity evaluator.</summary>
    public EmbeddingCaller Embedding(EmbeddingSpec endpoint)
    {
        if (endpoint.Provider == "replay")
        {
            throw new InvalidDataException("similarity: the replay provider cannot embed text; use an OpenAI-compatible endpoint");
        }

        IEmbeddingGenerator<string, Embedding<float>> generator;
        string url;
        if (endpoint.Provider == "ollama")
        {
            var ollama = Ollama(endpoint);
            (generator, url) = (ollama, ollama.Uri.ToString());
        }
        else
        {
            var (openAi, route) = OpenAi(endpoint, "similarity.embedding");
            (generator, url) = (openAi.GetEmbeddingClient(endpoint.Model).AsIEmbeddingGenerator(), route);
        }

        if (cache is not null)
        {
            generator = new ArenaEmbeddingCache(generator, cache, endpoint.Provider, url, endpoint.Model);
        }

        return new EmbeddingCaller(generator, url, meter);
    }

    private OllamaApiClient Ollama(ModelEndpointSpec endpoint) =>
        new(http.Client(new Uri(endpoint.Endpoint ?? OllamaEndpoint)), endpoint.Model);

    private (OpenAIClient Client, string Url) OpenAi(ModelEndpointSpec endpoint, string where)
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
            Transport = new HttpClientPipelineTransport(http.Client()),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
            ClientLoggingOptions = new ClientLoggingOptions { EnableLogging = false },
            EnableDistributedTracing = false,
        };
        return (new OpenAIClient(new ApiKeyCredential(key), options), url);
    }
}
