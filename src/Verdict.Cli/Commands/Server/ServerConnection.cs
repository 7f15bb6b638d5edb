using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Verdict.Cli.Commands.Server;

/// <summary>
/// The <c>--server</c> and <c>--key</c> options of the commands that talk to a running server, and the one place that
/// turns its answers into output or errors: a refusal (4xx) exits 2 with the server's detail; no answer exits 3.
/// </summary>
internal static class ServerConnection
{
    public static Option<string> Server() => new("--server")
    {
        Description = "The server's base URL (default $VERDICT_SERVER or http://127.0.0.1:5080)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("VERDICT_SERVER") ?? "http://127.0.0.1:5080",
    };

    public static Option<string?> Key() => new("--key")
    {
        Description = "An API key (default $VERDICT_API_KEY); prefer the variable, so the key stays out of shell history",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("VERDICT_API_KEY"),
    };

    /// <summary>Sends one request and returns the JSON answer (null for 204).</summary>
    public static async Task<JsonElement?> SendAsync(string server, string? key, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new CliException("--key: give an API key with --key or VERDICT_API_KEY (create one with `verdict keys create`)");
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new CliException($"--server: expected an http(s) URL such as http://127.0.0.1:5080, got \"{server}\"");
        }

        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(100) };
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: JsonOutput.Options);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"--server: cannot reach {baseUri} ({e.Message})", ExitCodes.StoreUnavailable);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return null;
            }

            using var document = text.Length > 0 ? JsonDocument.Parse(text) : JsonDocument.Parse("null");
            if (!response.IsSuccessStatusCode)
            {
                var detail = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : text;
                throw new CliException($"the server refused ({(int)response.StatusCode}): {detail}", (int)response.StatusCode >= 500 ? ExitCodes.StoreUnavailable : ExitCodes.InputError);
            }

            return document.RootElement.Clone();
        }
    }
}
