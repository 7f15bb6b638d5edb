using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Verdict.Server.ControlPlane;
using Verdict.Server.Endpoints;
using Verdict.Server.Ingestion;
using Verdict.Server.Monitor;

namespace Verdict.Server;

/// <summary>Builds the Verdict server: Kestrel, the control plane, the ingestion writer and every endpoint (docs/server.md).</summary>
public static class VerdictServer
{
    private static readonly Meter Meter = new(ServerTelemetry.Name);

    /// <summary>A server ready to <c>RunAsync</c>/<c>StartAsync</c>; nothing listens until then.</summary>
    public static WebApplication Build(ServerOptions options, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxBodyBytes);
        builder.Logging.ClearProviders();
        if (logging is null)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        }
        else
        {
            logging(builder.Logging);
        }

        builder.Services.AddProblemDetails();
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")))
        {
            // The standard OTLP variables (endpoint, headers, protocol, service name) configure the exporter.
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService("verdict-server"))
                .WithTracing(t => t.AddSource(ServerTelemetry.Name).AddAspNetCoreInstrumentation().AddOtlpExporter())
                .WithMetrics(m => m.AddMeter(ServerTelemetry.Name).AddAspNetCoreInstrumentation().AddOtlpExporter());
        }

        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = Verdict.Experiments.Json.VerdictJson.Options.PropertyNamingPolicy;
            o.SerializerOptions.DefaultIgnoreCondition = Verdict.Experiments.Json.VerdictJson.Options.DefaultIgnoreCondition;
        });

        // Three connections: the writer's, the control plane's and the reader's (analyses), so none waits on another.
        var control = new ControlPlaneStore(options.OpenStore());
        var registry = new Registry(control, options.Time);
        var reader = new StoreReader(options.OpenStore());
        var writerStore = options.OpenStore();

        // The writer's loads are many and small: keep the stored keys' hashes so a batch of new keys skips the anti-join.
        (writerStore as Verdict.Storage.DuckDb.DuckDbEventStore)?.RememberKeys();
        builder.Services.AddSingleton(registry);
        builder.Services.AddSingleton(reader);
        builder.Services.AddSingleton(sp => new IngestionQueue(writerStore, options.QueueCapacity, options.MaxGroupRows, sp.GetRequiredService<ILogger<IngestionQueue>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IngestionQueue>());
        builder.Services.AddSingleton(sp => new MonitorRunner(registry, reader, options.Time, options.MonitorSettle, sp.GetRequiredService<ILogger<MonitorRunner>>()));
        builder.Services.AddSingleton<Dashboard.IGuardrailStatusSource>(sp => new MonitorStatusSource(sp.GetRequiredService<MonitorRunner>()));
        builder.Services.AddSingleton(sp => new Ladder.LadderRunner(registry, reader, options.Time, options.MonitorSettle, sp.GetRequiredService<ILogger<Ladder.LadderRunner>>()));
        if (options.MonitorInterval is { } interval)
        {
            // Each tick: the monitor's pass, then the rollout ladder's (after the monitor has recorded the tick's breaches).
            builder.Services.AddHostedService(sp =>
            {
                var monitor = sp.GetRequiredService<MonitorRunner>();
                var ladder = sp.GetRequiredService<Ladder.LadderRunner>();
                return new Hosting.PeriodicPass("guardrail monitor", async token =>
                {
                    await monitor.RunOnceAsync(token).ConfigureAwait(false);
                    await ladder.RunOnceAsync(token).ConfigureAwait(false);
                }, interval, options.Time, sp.GetRequiredService<ILogger<Hosting.PeriodicPass>>());
            });
        }

        Bandits.BanditServices.Add(builder.Services, registry, reader, options);
        var app = builder.Build();
        var queue = app.Services.GetRequiredService<IngestionQueue>();
        Meter.CreateObservableGauge("verdict.server.queue.depth", () => queue.Depth, "{batch}");
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            writerStore.Dispose();
            control.Dispose();
            reader.Dispose();
        });

        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleException });
        app.Use(async (http, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            await next(http).ConfigureAwait(false);
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            ServerTelemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("status", http.Response.StatusCode));
        });

        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (CancellationToken cancellationToken) =>
            await reader.PingAsync(cancellationToken).ConfigureAwait(false) && queue.Depth < options.QueueCapacity
                ? Results.Text("ready")
                : Problems.Create(503, "Not ready", "the store does not answer or the write queue is full"));
        SdkEndpoints.Map(app, registry, queue, reader, options);
        ExperimentEndpoints.Map(app, registry, reader);
        KeyEndpoints.Map(app, registry);
        Dashboard.DashboardEndpoints.Map(app, registry, reader, options.Time);
        MonitorEndpoints.Map(app, registry, app.Services.GetRequiredService<MonitorRunner>());
        Ladder.LadderEndpoints.Map(app, registry, app.Services.GetRequiredService<Ladder.LadderRunner>());
        return app;
    }

    /// <summary>The addresses a started server listens on (the port is real when 0 was asked for).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];
    }

    private static async Task HandleException(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var result = error switch
        {
            ControlPlaneException c => Problems.Create(c.Status, c.Title, c.Message, c.Errors.Count > 0 ? new Dictionary<string, object?> { ["errors"] = c.Errors } : null),
            BadHttpRequestException b => Problems.Create(b.StatusCode, "Bad request", FirstLine(b.Message)),
            _ => Problems.Create(500, "Internal error", "the server failed on this request; it keeps serving (see its log)"),
        };
        if (error is ControlPlaneException or BadHttpRequestException)
        {
            ServerTelemetry.Rejects.Add(1, new KeyValuePair<string, object?>("reason", "invalid"));
        }

        await result.ExecuteAsync(http).ConfigureAwait(false);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0];
}
