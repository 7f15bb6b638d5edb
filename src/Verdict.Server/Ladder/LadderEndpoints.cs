using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Verdict.Experiments.Json;
using Verdict.Reports.Monitoring;
using Verdict.Server.Auth;
using Verdict.Server.ControlPlane;
using Verdict.Server.Endpoints;

namespace Verdict.Server.Ladder;

/// <summary>
/// <c>GET /api/v1/experiments/{key}/ladder</c> (read or admin key): the stages, the current one and its gate;
/// <c>POST /api/v1/experiments/{key}/advance</c> (admin key, reason required): skip or force a stage.
/// </summary>
public static class LadderEndpoints
{
    /// <summary>Maps both behind their keys.</summary>
    public static void Map(IEndpointRouteBuilder app, Registry registry, LadderRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var read = app.MapGroup("/api/v1/experiments").AddEndpointFilter(new ApiKeyFilter(registry, ApiKeyRole.Read, ApiKeyRole.Admin));
        read.MapGet("/{key}/ladder", async (string key, CancellationToken cancellationToken) =>
            await runner.ViewAsync(key, cancellationToken).ConfigureAwait(false) is { } view
                ? Results.Json(view, MonitorJson.Options)
                : Problems.Create(404, "No ladder", $"no experiment \"{key}\" with stages has been created"));

        var admin = app.MapGroup("/api/v1/experiments").AddEndpointFilter(new ApiKeyFilter(registry, ApiKeyRole.Admin));
        admin.MapPost("/{key}/advance", async (HttpContext http, string key, AdvanceRequest? request, CancellationToken cancellationToken) =>
            Results.Json(ExperimentSummary.From(await runner.ForceAsync(key, request?.Version, request?.To, ApiKeyFilter.Actor(http), request?.Reason, cancellationToken).ConfigureAwait(false)), VerdictJson.Options));
    }
}
