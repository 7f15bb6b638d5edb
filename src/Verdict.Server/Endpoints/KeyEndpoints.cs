using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Verdict.Server.Auth;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Endpoints;

/// <summary>API keys over the API (admin only): list (never the secrets), create (the text is returned once), revoke.</summary>
public static class KeyEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app, Registry registry)
    {
        var admin = app.MapGroup("/api/v1/keys").AddEndpointFilter(new ApiKeyFilter(registry, ApiKeyRole.Admin));
        admin.MapGet("/", () => Results.Json(registry.KeysById.Values.OrderBy(k => k.CreatedAt).Select(k => new { k.Id, Role = ControlPlaneStore.Name(k.Role), k.Name, k.CreatedAt, k.RevokedAt }), Verdict.Experiments.Json.VerdictJson.Options));
        admin.MapPost("/", (HttpContext http, CreateKeyRequest? request) =>
        {
            if (request is null || string.IsNullOrWhiteSpace(request.Name) || !Enum.TryParse<ApiKeyRole>(request.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
            {
                return Problems.Create(400, "Invalid request", "send {\"role\": \"sdk\" | \"read\" | \"admin\", \"name\": WHO}");
            }

            var (record, text) = registry.CreateKey(role, request.Name, ApiKeyFilter.Actor(http));
            return Results.Json(new { record.Id, Role = ControlPlaneStore.Name(record.Role), record.Name, Key = text }, Verdict.Experiments.Json.VerdictJson.Options, statusCode: 201);
        });
        admin.MapPost("/{id}/revoke", (HttpContext http, string id, ChangeRequest? request) =>
            registry.RevokeKey(id, ApiKeyFilter.Actor(http), request?.Reason)
                ? Results.NoContent()
                : Problems.Create(404, "Unknown key", $"no unrevoked key with id {id}"));
    }
}
