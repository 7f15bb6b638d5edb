using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Verdict.Reports.Monitoring;
using Verdict.Server.Auth;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Monitor;

/// <summary><c>GET /api/v1/experiments/{key}/monitor</c>: the monitor's windows, breaches and streaks (read or admin key).</summary>
public static class MonitorEndpoints
{
    /// <summary>Maps the read model behind a read-or-admin key.</summary>
    public static void Map(IEndpointRouteBuilder app, Registry registry, MonitorRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var read = app.MapGroup("/api/v1/experiments").AddEndpointFilter(new ApiKeyFilter(registry, ApiKeyRole.Read, ApiKeyRole.Admin));
        read.MapGet("/{key}/monitor", async (string key, CancellationToken cancellationToken) =>
            await runner.ViewAsync(key, cancellationToken).ConfigureAwait(false) is { } view
                ? Results.Json(view, MonitorJson.Options)
                : Problems.Create(404, "Unknown experiment", $"no experiment \"{key}\" has been created"));
    }
}
