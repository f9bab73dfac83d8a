using Hub.Grains;
using Hub.Grains.History;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Hub.Silo.Storage.Postgres;

/// <summary>
/// The durable configuration: grain state through the hub's own group-committing store,
/// clustering and reminders through Orleans' ADO.NET providers, history through Npgsql — all in one
/// PostgreSQL database whose schema the silo applies.
/// </summary>
public static class PostgresStorage
{
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Connections per silo, unless the connection string says otherwise: Orleans' providers share one
    /// pool, history writes and grain states each have their own; with history reads
    /// (<c>Hub:History:ReadPool</c>, 5) and the readiness check (2), a silo opens at most 62. Two
    /// silos can pass PostgreSQL's default of 100 connections under load: docs/operations.md says
    /// how to size <c>max_connections</c>.
    /// </summary>
    public const int OrleansPool = 30;
    public const int HistoryPool = 15;
    public const int StatePool = 10;

    /// <summary>Orleans' ADO.NET grain storage, where states were kept before <see cref="GrainStateStore"/>: read until a grain's first write.</summary>
    public const string EarlierStorage = "hub-adonet";

    /// <summary>The connection string with a pool size, unless it sets one itself.</summary>
    public static string WithPool(string connectionString, int size)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = size;
        }
        return builder.ConnectionString;
    }

    /// <summary>Registers the schema migration; call it before Orleans so the tables exist when the silo joins.</summary>
    public static IServiceCollection AddPostgresHistory(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => NpgsqlDataSource.Create(WithPool(connectionString, HistoryPool)));
        services.AddSingleton<PostgresSchema>();
        services.AddHostedService<SchemaMigration>();
        services.AddSingleton(sp => new HistoryReads(connectionString, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<HistoryOptions>>()));
        services.AddSingleton<PostgresHistory>();
        services.AddSingleton<IHistoryRetention>(sp => sp.GetRequiredService<PostgresHistory>());
        services.AddSingleton<IAlertJournal>(sp => sp.GetRequiredService<PostgresHistory>());
        services.AddSingleton<IHistoryStats>(sp => sp.GetRequiredService<PostgresHistory>());
        services.AddSingleton<IHistoryImport>(sp => sp.GetRequiredService<PostgresHistory>());
        return services;
    }

    public static ISiloBuilder UsePostgres(this ISiloBuilder silo, string connectionString)
    {
        // Each pool from the connection string as given: the states' own pool is not Orleans' size.
        var stateConnection = WithPool(connectionString, StatePool);
        connectionString = WithPool(connectionString, OrleansPool);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(EarlierStorage, options => options.Configure<Orleans.Serialization.Serializer>((o, serializer) =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
            // Orleans' own format: state types carry stable [Alias] names, so renaming a class does not orphan stored rows.
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        silo.Services.AddGrainStorage(HubStorage.Name, (sp, _) => new GrainStateStore(
            NpgsqlDataSource.Create(stateConnection),
            new StateSerializer(sp.GetRequiredService<Orleans.Serialization.Serializer>()),
            sp.GetRequiredKeyedService<IGrainStorage>(EarlierStorage),
            sp.GetRequiredService<Grains.Telemetry.HubMetrics>()));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.Configure<ClusterMembershipOptions>(Failover.Tune);
        return silo;
    }
}
