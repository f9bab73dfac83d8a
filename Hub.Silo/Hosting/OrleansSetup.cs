using Hub.Grains;
using Hub.Silo.Storage.Memory;
using Orleans.Configuration;

namespace Hub.Silo.Hosting;

/// <summary>Composes the Orleans silo for the configured storage; the only place that knows which one it is.</summary>
public static class OrleansSetup
{
    /// <summary>Rows in durable storage are keyed by this; it must never change. ClusterId may.</summary>
    public const string ServiceId = "governance-hub";

    public static WebApplicationBuilder AddHubSilo(this WebApplicationBuilder builder, SiloOptions options)
    {
        switch (options.Storage)
        {
            case "memory":
                builder.UseOrleans(silo =>
                {
                    silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: ServiceId, clusterId: options.ClusterId);
                    silo.AddMemoryGrainStorage(HubStorage.Name);
                });
                builder.Services.AddMemoryHistory();
                break;
            default:
                throw new InvalidOperationException($"Hub:Storage '{options.Storage}' is not supported; use 'memory'.");
        }
        builder.Services.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = ServiceId;
            o.ClusterId = options.ClusterId;
        });
        builder.Services.AddHubDomain(builder.Configuration);
        return builder;
    }
}
