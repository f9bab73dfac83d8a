using Hub.Grains;
using Hub.Grains.Alerts;
using Hub.Grains.History;
using Hub.Grains.Model;
using Hub.Grains.Time;
using Hub.Silo.Storage;
using Hub.Silo.Storage.Memory;
using Hub.Silo.Storage.Postgres;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;

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
                builder.Services.AddMemoryHistory();
                builder.UseOrleans(silo =>
                {
                    silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: ServiceId, clusterId: options.ClusterId);
                    silo.Services.AddGrainStorage(HubStorage.Name, (sp, _) =>
                        new MemoryStateStore(new StateSerializer(sp.GetRequiredService<Orleans.Serialization.Serializer>()), sp.GetRequiredService<ICheckinJournal>()));
                    silo.UseInMemoryReminderService();
                });
                break;
            case "postgres":
                var connectionString = builder.Configuration.GetConnectionString("Hub");
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("ConnectionStrings:Hub is required when Hub:Storage is 'postgres'.");
                }
                builder.Services.AddPostgresHistory(connectionString);
                builder.UseOrleans(silo =>
                {
                    silo.ConfigureEndpoints(options.AdvertisedHost, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: options.AdvertisedHost != SiloOptions.Loopback);
                    silo.UsePostgres(connectionString);
                });
                break;
            default:
                throw new InvalidOperationException($"Hub:Storage '{options.Storage}' is not known; use 'memory' or 'postgres'.");
        }
        var hub = builder.Configuration.GetSection(HubOptions.Section).Get<HubOptions>() ?? new HubOptions();
        var calendar = builder.Configuration.GetSection(CalendarOptions.Section).Get<CalendarOptions>() ?? new CalendarOptions();
        if (calendar.Enabled && WorkCalendar.Problems(calendar) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }
        builder.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = ReminderCadence.MinimumFor(
            Enum.GetValues<Severity>().SelectMany(s => Enum.GetValues<CaseStage>().Select(stage => hub.Sla.LimitOf(stage, s)))
                .Append(TimeSpan.FromMinutes(hub.LostContactMinutes))));
        builder.Services.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = ServiceId;
            o.ClusterId = options.ClusterId;
        });
        builder.Services.Configure<HistoryOptions>(builder.Configuration.GetSection(HistoryOptions.Section));
        builder.Services.AddHostedService<HistoryRetention>();
        builder.Services.AddHubDomain(builder.Configuration);
        return builder;
    }
}
