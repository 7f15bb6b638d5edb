namespace Verdict.Arena.Configuration;

/// <summary>
/// Where each OpenAI-compatible call of an arena goes (docs/arena.md, "Where calls go"). A variant goes to its
/// <c>endpoint</c>, or to OpenAI's public API when it names none. The judge and the embedding model go to their own
/// <c>endpoint</c>, or else to the one endpoint the arena's live variants share, never to a public API the arena does
/// not already use: golden-set inputs and outputs must not leave the machine unasked.
/// </summary>
public static class ArenaEndpoints
{
    /// <summary>OpenAI's public API base URL (the path includes <c>/v1</c>).</summary>
    public const string OpenAIPublic = "https://api.openai.com/v1";

    /// <summary>The base URL and the API key variable (null: no key) for <paramref name="endpoint"/> of <paramref name="spec"/>.</summary>
    /// <exception cref="InvalidDataException">A judge or embedder names no endpoint and the variants do not share one.</exception>
    public static (string Url, string? ApiKeyEnv) Route(ArenaSpec spec, ModelEndpointSpec endpoint, string where)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Endpoint is { } own)
        {
            return (own, endpoint.ApiKeyEnv);
        }

        if (endpoint is VariantSpec)
        {
            return (OpenAIPublic, endpoint.ApiKeyEnv ?? "OPENAI_API_KEY");
        }

        var live = spec.Variants.Where(v => v.Provider == "openai").ToList();
        var urls = live.Select(v => v.Endpoint ?? OpenAIPublic).Distinct(StringComparer.Ordinal).ToList();
        switch (urls.Count)
        {
            case 1:
                var shared = live.First();
                return (urls[0], endpoint.ApiKeyEnv ?? shared.ApiKeyEnv ?? (shared.Endpoint is null ? "OPENAI_API_KEY" : null));
            case 0:
                throw new InvalidDataException(
                    $"{where}: no endpoint, and no variant calls an OpenAI-compatible endpoint it could share; set {where}.endpoint "
                    + $"(the base URL including /v1; {OpenAIPublic} for OpenAI's public API) so the golden set is sent only where you say");
            default:
                throw new InvalidDataException(
                    $"{where}: no endpoint, and the variants call several ({string.Join(", ", urls)}); set {where}.endpoint to the one it should use");
        }
    }
}
