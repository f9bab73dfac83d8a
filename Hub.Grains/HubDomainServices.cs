using Hub.Grains.Alerts;
using Hub.Grains.Ingest;
using Hub.Grains.Settings;
using Hub.Grains.Time;
using Hub.Grains.Topology;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Grains;

public static class HubDomainServices
{
    /// <summary>The domain's services every silo needs, whatever its storage.</summary>
    public static IServiceCollection AddHubDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedSettings<HubOptions>(configuration.GetSection(HubOptions.Section));
        services.AddCheckedSettings<Assessment.AssessmentOptions>(configuration.GetSection(Assessment.AssessmentOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HubClock>();
        services.AddSingleton<Telemetry.HubMetrics>();
        services.AddSingleton<TopologyCatalog>();
        services.AddSingleton<Geography.MapShapes>();
        services.AddSingleton<TopologySync>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<TopologySync>());
        services.AddSingleton<IngestDispatcher>();
        services.Configure<Patrol.PatrolOptions>(configuration.GetSection(Patrol.PatrolOptions.Section));
        services.AddCheckedSettings<CalendarOptions>(configuration.GetSection(CalendarOptions.Section));
        services.AddSingleton<CaseLimits>();
        services.AddSingleton<AlertViews>();
        return services;
    }
}
