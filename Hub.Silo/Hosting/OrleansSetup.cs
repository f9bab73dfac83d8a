using Hub.Grains;
using Hub.Grains.Alerts;
using Hub.Grains.History;
using Hub.Grains.Model;
using Hub.Grains.Settings;
using Hub.Grains.Time;
using Hub.Silo.Storage;
using Hub.Silo.Storage.Memory;
using Hub.Silo.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Runtime.Hosting;

namespace Hub.Silo.Hosting;

/// <summary>Composes the Orleans silo for the configured storage; the only place that knows which one it is.</summary>
public static class OrleansSetup
{
    /// <summary>Rows in durable storage are keyed by this; it must never change. ClusterId may.</summary>
    public const string ServiceId = "governance-hub";

    public static WebApplicationBuilder AddHubSilo(this WebApplicationBuilder builder, SiloOptions options)
    {
        // Photos of cases on a shared disk when one is named, else beside the rest of the data.
        if (builder.Configuration[$"{PhotoOptions.Section}:{nameof(PhotoOptions.Directory)}"] is { Length: > 0 } photos)
        {
            var folder = Path.GetFullPath(photos);
            builder.Services.AddSingleton<Hub.Grains.Field.ICasePhotos>(sp => new Storage.Disk.DiskPhotos(folder, sp.GetRequiredService<ILogger<Storage.Disk.DiskPhotos>>()));
        }
        switch (options.Storage)
        {
            case "memory":
                builder.Services.AddMemoryHistory();
                builder.Services.TryAddSingleton<Hub.Grains.Field.ICasePhotos, Storage.Memory.MemoryPhotos>();
                builder.UseOrleans(silo =>
                {
                    silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: ServiceId, clusterId: options.ClusterId);
                    silo.Services.AddGrainStorage(HubStorage.Name, (sp, _) =>
                        new MemoryStateStore(new StateSerializer(sp.GetRequiredService<Orleans.Serialization.Serializer>()), sp.GetRequiredService<ICheckinJournal>()));
                    silo.UseInMemoryReminderService();
                    AddDashboard(silo, options);
                });
                break;
            case "postgres":
                // Present and well-formed: StartupSettings checked it before anything was composed.
                var connectionString = builder.Configuration.GetConnectionString("Hub")!;
                builder.Services.AddPostgresHistory(connectionString);
                builder.Services.TryAddSingleton<Hub.Grains.Field.ICasePhotos>(sp => new Storage.Postgres.PostgresPhotos(sp.GetRequiredService<Npgsql.NpgsqlDataSource>()));
                builder.UseOrleans(silo =>
                {
                    silo.ConfigureEndpoints(options.AdvertisedHost, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: options.AdvertisedHost != SiloOptions.Loopback);
                    silo.UsePostgres(connectionString);
                    if (options.Kubernetes)
                    {
                        silo.UseKubernetesHosting();
                    }
                    AddDashboard(silo, options);
                });
                break;
            default:
                throw new SettingsRefusedException([$"Hub:Storage must be {string.Join(" or ", SiloOptions.Storages)}; it is '{options.Storage}'"]);
        }
        // Read when first asked for, after the settings were checked (a value the binder cannot convert is a refusal, not a crash here).
        builder.Services.AddOptions<ReminderOptions>().Configure<IOptions<HubOptions>>((o, hub) => o.MinimumReminderPeriod = ReminderCadence.MinimumFor(
            Enum.GetValues<Severity>().SelectMany(s => Enum.GetValues<CaseStage>().Select(stage => hub.Value.Sla.LimitOf(stage, s)))
                .Append(TimeSpan.FromMinutes(hub.Value.LostContactMinutes))));
        builder.Services.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = ServiceId;
            o.ClusterId = options.ClusterId;
        });
        builder.Services.AddCheckedSettings<HistoryOptions>(builder.Configuration.GetSection(HistoryOptions.Section));
        builder.Services.AddCheckedSettings<PhotoOptions>(builder.Configuration.GetSection(PhotoOptions.Section));
        builder.Services.AddHostedService<HistoryRetention>();
        builder.Services.AddHubDomain(builder.Configuration);
        return builder;
    }

    /// <summary>The Orleans dashboard, for operators at <c>/dashboard</c>; its live log stream stays off (logs go to the operator's own tools).</summary>
    private static void AddDashboard(ISiloBuilder silo, SiloOptions options)
    {
        if (options.Dashboard)
        {
            silo.AddDashboard(o => o.HideTrace = true);
        }
    }
}
