using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Verdict.Reports;
using Verdict.Server.Auth;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Endpoints;

/// <summary>Experiments over the API: list, create from a brief, lifecycle changes, the audit log and the results.</summary>
public static class ExperimentEndpoints
{
    /// <summary>Maps reads behind a read-or-admin key and changes behind an admin key.</summary>
    public static void Map(IEndpointRouteBuilder app, Registry registry, StoreReader reader)
    {
        var read = app.MapGroup("/api/v1/experiments").AddEndpointFilter(new ApiKeyFilter(registry, ApiKeyRole.Read, ApiKeyRole.Admin));
        read.MapGet("/", () => Results.Json(registry.Records.Select(ExperimentSummary.From), Verdict.Experiments.Json.VerdictJson.Options));
        read.MapGet("/{key}/audit", (string key) =>
        {
            if (registry.Records.All(r => r.Key != key))
            {
                return Problems.Create(404, "Unknown experiment", $"no experiment \"{key}\" has been created");
            }

            return Results.Json(registry.Audit(key), Verdict.Experiments.Json.VerdictJson.Options);
        });
        read.MapGet("/{key}/results", (string key, int? version, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "as_of")] string? asOf, string? arm, CancellationToken cancellationToken) =>
            ResultsAsync(registry, reader, key, version, asOf, arm, cancellationToken));

        var admin = app.MapGroup("/api/v1/experiments").AddEndpointFilter(new ApiKeyFilter(registry, ApiKeyRole.Admin));
        admin.MapPost("/", (HttpContext http, CreateExperimentRequest? request) =>
        {
            if (request is null || string.IsNullOrWhiteSpace(request.Brief))
            {
                return Problems.Create(400, "Invalid request", "send {\"brief\": YAML, \"files\": {NAME: TEXT}, \"reason\": TEXT}; brief is required");
            }

            var record = registry.Create(request.Brief, request.Files ?? new Dictionary<string, string>(), ApiKeyFilter.Actor(http), request.Reason);
            return Results.Json(ExperimentSummary.From(record), Verdict.Experiments.Json.VerdictJson.Options, statusCode: 201);
        });
        foreach (var change in Enum.GetValues<ExperimentChange>())
        {
            admin.MapPost("/{key}/" + change.ToString().ToLowerInvariant(), (HttpContext http, string key, ChangeRequest? request) =>
                Results.Json(ExperimentSummary.From(registry.Change(key, request?.Version, change, request?.Exposure, ApiKeyFilter.Actor(http), request?.Reason)), Verdict.Experiments.Json.VerdictJson.Options));
        }
    }

    private static async Task<IResult> ResultsAsync(Registry registry, StoreReader reader, string key, int? version, string? asOf, string? arm, CancellationToken cancellationToken)
    {
        var versions = registry.Records.Where(r => r.Key == key).ToList();
        var record = version is { } v ? versions.FirstOrDefault(r => r.Version == v)
            : versions.LastOrDefault(r => r.Status is ExperimentStatus.Running or ExperimentStatus.Paused) ?? versions.LastOrDefault();
        if (record is null)
        {
            return Problems.Create(404, "Unknown experiment", $"no experiment \"{key}\"{(version is null ? string.Empty : $" v{version}")} has been created");
        }

        DateTimeOffset? limit = null;
        if (asOf is not null)
        {
            if (!DateTimeOffset.TryParseExact(asOf, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return Problems.Create(400, "Invalid as_of", $"as_of must be an ISO-8601 time with an offset or Z, such as 2026-05-18T00:00:00Z; got \"{asOf}\"");
            }

            limit = parsed;
        }

        var brief = registry.Brief(record.Key, record.Version)!;
        try
        {
            var report = await reader.AnalyzeAsync(brief, limit, arm, cancellationToken).ConfigureAwait(false);
            var document = Monitor.MonitorSection.AddTo(AnalysisDocument.From(report), Monitor.MonitorSection.From(registry, record, brief));
            return Results.Json(document, Verdict.Experiments.Json.VerdictJson.Options);
        }
        catch (ArgumentException e) when (e.ParamName == "treatmentArm")
        {
            return Problems.Create(400, "Invalid arm", e.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
