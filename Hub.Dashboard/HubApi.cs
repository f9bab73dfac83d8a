using Hub.Dashboard.Api;
using Hub.Dashboard.Json;
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
        return services;
    }

    public static IEndpointRouteBuilder MapHubApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapTopology();
        api.MapIngest();
        api.MapAlerts();
        api.MapUnits();
        return app;
    }
}
