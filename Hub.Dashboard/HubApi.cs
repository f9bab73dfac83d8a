using Hub.Dashboard.Api;
using Hub.Dashboard.Charts;
using Hub.Dashboard.Json;
using Hub.Dashboard.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Dashboard;

/// <summary>Wires the web face: the public API (API.md) and the wall-screen page.</summary>
public static class HubApi
{
    public static IServiceCollection AddHubApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => HubJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<UnavailableHandler>();
        services.AddSignalR().AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions));
        services.AddSingleton<ChartFont>();
        services.AddSingleton<ChartRenderer>();
        services.AddSingleton<WallBridge>();
        services.AddHostedService(sp => sp.GetRequiredService<WallBridge>());
        return services;
    }

    public static IEndpointRouteBuilder MapHubApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapTopology();
        api.MapIngest();
        api.MapAlerts();
        api.MapUnits();
        api.MapCharts();
        app.MapHub<WallHub>(WallHub.Path);
        return app;
    }
}
