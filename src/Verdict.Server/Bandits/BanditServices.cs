using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Bandits;

/// <summary>Registers the bandit updater and, when <see cref="ServerOptions.BanditInterval"/> is set, its timer.</summary>
public static class BanditServices
{
    /// <summary>Adds <see cref="BanditRunner"/> and its timer (<see cref="Hosting.PeriodicPass"/>) to <paramref name="services"/>.</summary>
    public static void Add(IServiceCollection services, Registry registry, StoreReader reader, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(sp => new BanditRunner(registry, reader, options.Time, sp.GetRequiredService<ILogger<BanditRunner>>()));
        if (options.BanditInterval is { } interval)
        {
            services.AddHostedService(sp => new Hosting.PeriodicPass("bandit updater", sp.GetRequiredService<BanditRunner>().RunOnceAsync, interval, options.Time, sp.GetRequiredService<ILogger<Hosting.PeriodicPass>>()));
        }
    }
}
