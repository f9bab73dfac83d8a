using Npgsql;

namespace Hub.Silo.Storage.Postgres;

/// <summary>
/// Creates or upgrades every table the hub needs, from the SQL files embedded in this assembly, in
/// name order. Each file runs in a transaction holding one advisory lock, so silos that start at the
/// same moment take turns; every statement is idempotent, so an initialized database just passes.
/// </summary>
public sealed class PostgresSchema(NpgsqlDataSource database, ILogger<PostgresSchema> logger)
{
    /// <summary>Any fixed number; it only has to be the same in every silo.</summary>
    private const long MigrationLock = 0x4855_4253_4348_454D;

    private const string ResourcePrefix = "Hub.Silo.Storage.Postgres.Sql.";

    public static IReadOnlyList<(string Name, string Sql)> Scripts { get; } = ReadScripts();

    public async Task Apply(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var (name, sql) in Scripts)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
            {
                lockCommand.Parameters.AddWithValue("key", MigrationLock);
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var command = new NpgsqlCommand(sql, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            logger.LogDebug("Schema script {Script} applied", name);
        }
    }

    private static (string, string)[] ReadScripts()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n[ResourcePrefix.Length..], reader.ReadToEnd());
            })
            .ToArray();
    }
}
