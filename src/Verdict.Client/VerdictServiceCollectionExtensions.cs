using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verdict.Client.Config;
using Verdict.Client.Events;
using Verdict.Client.Telemetry;

namespace Verdict.Client;

/// <summary><c>services.AddVerdict(o => …)</c>: the SDK as a singleton <see cref="VerdictClient"/> and a hosted service.</summary>
public static class VerdictServiceCollectionExtensions
{
    /// <summary>The name of the SDK's HttpClient (with the standard resilience handler: retries with jitter honouring Retry-After, timeouts).</summary>
    public const string HttpClientName = "Verdict";

    /// <summary>Registers the SDK; options are validated when the host starts.</summary>
    public static IServiceCollection AddVerdict(this IServiceCollection services, Action<VerdictClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<VerdictClientOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpClientName, (sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<VerdictClientOptions>>().Value;
            http.BaseAddress = new Uri(options.ServerUrl!.AbsoluteUri.TrimEnd('/') + "/");
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", options.ApiKey);
        }).AddStandardResilienceHandler();
        services.TryAddSingleton(sp => new ConfigPoller(Http(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ConfigPoller>>()));
        services.TryAddSingleton(sp => new EventQueue(Options(sp).QueueCapacity, sp.GetRequiredService<ILogger<EventQueue>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new EventSender(Http(sp), sp.GetRequiredService<EventQueue>(), Options(sp), sp.GetRequiredService<ILogger<EventSender>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp =>
        {
            var client = new VerdictClient(sp.GetRequiredService<ConfigPoller>(), sp.GetRequiredService<EventQueue>(), sp.GetRequiredService<TimeProvider>(), Options(sp));
            ClientTelemetry.Meter.CreateObservableGauge("verdict.client.config.age", () => (client.Time.GetUtcNow() - client.Config.FetchedAt).TotalSeconds, "s");
            return client;
        });
        services.AddHostedService(sp => new VerdictBackgroundService(sp.GetRequiredService<ConfigPoller>(), sp.GetRequiredService<EventSender>(), sp.GetRequiredService<EventQueue>(), Options(sp), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static VerdictClientOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<VerdictClientOptions>>().Value;

    private static HttpClient Http(IServiceProvider sp) => sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
}
