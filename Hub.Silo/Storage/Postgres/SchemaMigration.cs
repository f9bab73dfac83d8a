namespace Hub.Silo.Storage.Postgres;

/// <summary>
/// Applies the schema before the silo joins its cluster (it is registered ahead of Orleans). When the
/// database is not reachable yet — a compose stack starting up — it waits and tries again.
/// </summary>
public sealed class SchemaMigration(PostgresSchema schema, ILogger<SchemaMigration> logger) : IHostedService
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            try
            {
                await schema.Apply(cancellationToken);
                logger.LogInformation("PostgreSQL schema is up to date");
                return;
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException && DateTime.UtcNow - started < Patience)
            {
                logger.LogWarning("PostgreSQL is not reachable yet ({Message}); trying again", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
