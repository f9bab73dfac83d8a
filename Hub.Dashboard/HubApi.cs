using Hub.Dashboard.Access;
using Hub.Dashboard.Api;
using Hub.Dashboard.Charts;
using Hub.Dashboard.Json;
using Hub.Dashboard.Live;
using Hub.Dashboard.OpenApi;
using Hub.Grains.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Dashboard;

/// <summary>Wires the web face: the public API (API.md) and the wall-screen page.</summary>
public static class HubApi
{
    public static IServiceCollection AddHubApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHubAccess(configuration);
        services.AddCheckedSettings<Ingest.IngestOptions>(configuration.GetSection(Ingest.IngestOptions.Section));
        services.AddSingleton<Ingest.CheckinAdmission>();
        services.AddCheckedSettings<WallOptions>(configuration.GetSection(WallOptions.Section));
        services.AddCheckedSettings<MapOptions>(configuration.GetSection(MapOptions.Section));
        services.ConfigureHttpJsonOptions(o => HubJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddHubApiDocument();
        services.AddExceptionHandler<UnavailableHandler>();
        services.AddSignalR(o => o.AddFilter<HubMethodAccess>()).AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions));
        services.AddSingleton<ChartFont>();
        services.AddSingleton<ChartRenderer>();
        services.AddSingleton<WallBridge>();
        services.AddHostedService(sp => sp.GetRequiredService<WallBridge>());
        services.AddSingleton<WallSessions>();
        services.AddSingleton<Import.ImportJobs>();
        services.AddSingleton<ImportContext>();
        services.AddHostedService(sp => sp.GetRequiredService<WallSessions>());
        return services;
    }

    public static IEndpointRouteBuilder MapHubApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapAuth();
        api.MapUsers();
        api.MapEnrolment();
        api.MapApiKeys();
        api.MapTopology();
        api.MapIngest();
        api.MapAlerts();
        api.MapUnits();
        api.MapMaps();
        api.MapField();
        api.MapCharts();
        api.MapDuty();
        api.MapAssessment();
        api.MapPatrolPlans();
        api.MapImport();
        // Closing at the session's expiry keeps a wall from outliving its sign-in.
        app.MapHub<WallHub>(WallHub.Path, o => o.CloseOnAuthenticationExpiration = true).Allow(Permission.ReadCases);
        app.MapHubApiDocument();
        return app;
    }
}
