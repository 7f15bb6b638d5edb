using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Verdict.Assignment;
using Verdict.Server.Auth;
using Verdict.Server.ControlPlane;
using Verdict.Server.Ingestion;
using Verdict.Storage.Ingestion;

namespace Verdict.Server.Endpoints;

/// <summary>What an SDK calls: <c>GET /api/v1/config</c>, <c>POST /api/v1/assign</c>, <c>POST /api/v1/events</c>.</summary>
public static class SdkEndpoints
{
    /// <summary>Maps the three endpoints behind an sdk-or-admin key.</summary>
    public static void Map(IEndpointRouteBuilder app, Registry registry, IngestionQueue queue, StoreReader reader, ServerOptions options)
    {
        var group = app.MapGroup("/api/v1").AddEndpointFilter(new ApiKeyFilter(registry, ApiKeyRole.Sdk, ApiKeyRole.Admin));
        group.MapGet("/config", (HttpContext http) =>
        {
            var snapshot = registry.Config;
            http.Response.Headers.ETag = snapshot.ETag;
            http.Response.Headers.CacheControl = "no-cache";
            if (http.Request.Headers.IfNoneMatch.Any(v => v == snapshot.ETag || v == "*"))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Bytes(snapshot.Body, "application/json");
        });
        group.MapPost("/assign", (AssignRequest? request, CancellationToken cancellationToken) => AssignAsync(registry, reader, request, cancellationToken));
        group.MapPost("/events", (Delegate)((HttpContext http) => PostEvents(http, registry, queue, options)));
    }

    private static async Task<IResult> AssignAsync(Registry registry, StoreReader reader, AssignRequest? request, CancellationToken cancellationToken)
    {
        if (request is null || string.IsNullOrEmpty(request.Experiment) || string.IsNullOrEmpty(request.UnitId))
        {
            ServerTelemetry.Rejects.Add(1, new KeyValuePair<string, object?>("reason", "invalid"));
            return Problems.Create(400, "Invalid request", "send {\"experiment\": KEY, \"unit_id\": ID}; both are required and non-empty");
        }

        if (!registry.Served.TryGetValue(request.Experiment, out var served))
        {
            return Problems.Create(404, "Unknown experiment", $"no experiment \"{request.Experiment}\" is running, paused or stopped on this server");
        }

        if (Bandits.BanditAssign.Running(served, request.UnitId) is { } bandit)
        {
            return Results.Json(bandit, Verdict.Experiments.Json.VerdictJson.Options);
        }

        var config = served.Config;
        var result = served.Assigner.Assign(request.UnitId);
        var control = config.Arms.First(a => a.Control);
        var arm = config.Status switch
        {
            "running" when result.InExperiment => config.Arms[result.Arm],
            // Paused: no new units; a unit already exposed keeps its arm (looked up in the store).
            "paused" when result.InExperiment && await reader.EnrolledArmAsync(config.Key, config.Version, request.UnitId, cancellationToken).ConfigureAwait(false) is { } enrolled
                => config.Arms.First(a => a.Name == enrolled),
            _ => null,
        };
        return Results.Json(
            new AssignResponse(config.Key, config.Version, request.UnitId, arm?.Name ?? control.Name, arm is not null, result.Bucket, arm is not null || config.Status == "running" ? Status(result.Status) : config.Status, (arm ?? control).ReceiptHash),
            Verdict.Experiments.Json.VerdictJson.Options);
    }

    private static string Status(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Assigned => "assigned",
        AssignmentStatus.Forced => "forced",
        AssignmentStatus.HeldOut => "held_out",
        AssignmentStatus.OutsideLayer => "outside_layer",
        _ => "not_exposed",
    };

    private static async Task<IResult> PostEvents(HttpContext http, Registry registry, IngestionQueue queue, ServerOptions options)
    {
        EventsBody body;
        try
        {
            body = await EventsBody.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Reject("too_large", 413, "Payload too large", $"the body is larger than {options.MaxBodyBytes} bytes; send smaller batches");
        }

        EventBatch batch;
        var latestAllowed = options.Time.GetUtcNow() + options.MaxClockSkew;
        try
        {
            using (body)
            {
                batch = body.Parse(() => new EventBatch(registry, latestAllowed, options.MaxBatchRows));
            }
        }
        catch (DecoderFallbackException)
        {
            return Reject("invalid", 400, "Invalid encoding", "the body is not valid UTF-8");
        }
        catch (IngestException e)
        {
            return Reject("invalid", 400, "Invalid event", $"line {e.Line}: {e.Reason}; nothing in this batch was stored", new Dictionary<string, object?> { ["line"] = e.Line, ["field"] = FieldOf(e.Reason) });
        }
        catch (BatchTooLargeException)
        {
            return Reject("too_large", 413, "Too many events", $"a batch may carry at most {options.MaxBatchRows} rows; nothing in this batch was stored");
        }

        if (batch.Count == 0)
        {
            return Reject("invalid", 400, "Empty batch", "the body holds no events");
        }

        var committed = queue.TryEnqueue(batch);
        if (committed is null)
        {
            http.Response.Headers.RetryAfter = "1";
            return Reject("queue_full", 429, "Too many requests", "the write queue is full; retry after the time in Retry-After");
        }

        try
        {
            await committed.WaitAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            http.Response.Headers.RetryAfter = "1";
            return Reject("store", 503, "Not committed", "the store did not commit this batch; retry it (retries never double count)");
        }

        return Results.Json(new EventsResponse(batch.Exposures.Count, batch.Events.Count), Verdict.Experiments.Json.VerdictJson.Options);
    }

    private static IResult Reject(string reason, int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        ServerTelemetry.Rejects.Add(1, new KeyValuePair<string, object?>("reason", reason));
        return Problems.Create(status, title, detail, extensions);
    }

    /// <summary>The field a reader's reason starts with ("unit_id is missing" → unit_id), or null.</summary>
    private static string? FieldOf(string reason)
    {
        var end = reason.IndexOfAny([' ', ':']);
        var word = end > 0 ? reason[..end] : reason;
        return word.Length > 0 && word.All(c => char.IsAsciiLetterLower(c) || c == '_' || char.IsAsciiDigit(c)) ? word : null;
    }
}
