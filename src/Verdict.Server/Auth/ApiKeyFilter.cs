using Microsoft.AspNetCore.Http;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Auth;

/// <summary>
/// Lets a request through only with a valid, unrevoked key of an allowed role: none or unknown or revoked → 401, a
/// key of another role → 403 (docs/server.md, "Keys and roles"). The key comes from <c>Authorization: Bearer …</c> or
/// <c>X-Verdict-Key</c>, never from the URL, and is never logged; the caller's name lands in <see cref="Caller"/>.
/// </summary>
public sealed class ApiKeyFilter(Registry registry, params ApiKeyRole[] allowed) : IEndpointFilter
{
    private readonly VerifiedKeys verified = new();

    /// <summary>The item key under which the authenticated key's record is kept on the request.</summary>
    public const string Caller = "verdict.caller";

    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var text = KeyText(http.Request);
        var record = text is not null && ApiKeyText.IdOf(text) is { } id && registry.KeysById.TryGetValue(id, out var found)
            && found.RevokedAt is null && verified.Matches(id, text, found) ? found : null;
        if (record is null)
        {
            ServerTelemetry.Rejects.Add(1, new KeyValuePair<string, object?>("reason", "unauthorized"));
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ValueTask.FromResult<object?>(Problems.Create(401, "Unauthorized", text is null
                ? "send an API key in the Authorization header (Bearer) or X-Verdict-Key"
                : "the API key is unknown or revoked"));
        }

        if (!allowed.Contains(record.Role))
        {
            ServerTelemetry.Rejects.Add(1, new KeyValuePair<string, object?>("reason", "forbidden"));
            return ValueTask.FromResult<object?>(Problems.Create(403, "Forbidden", $"a {ControlPlaneStore.Name(record.Role)} key may not do this; it needs one of: {string.Join(", ", allowed.Select(ControlPlaneStore.Name))}"));
        }

        http.Items[Caller] = record;
        return next(context);
    }

    /// <summary>"name (vk_id)", as the audit log records who acted.</summary>
    public static string Actor(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items[Caller] is ApiKeyRecord key ? $"{key.Name} (vk_{key.Id})" : "anonymous";
    }

    private static string? KeyText(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        var header = request.Headers["X-Verdict-Key"].ToString();
        return header.Length > 0 ? header : null;
    }
}
