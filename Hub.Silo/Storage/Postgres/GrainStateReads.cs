using Npgsql;
using NpgsqlTypes;

namespace Hub.Silo.Storage.Postgres;

/// <summary>
/// Grain states read in groups: the activations waiting at one moment (a province's hundred
/// thousand grids after a restart, asked for by the areas above them) are answered by one query
/// over arrays of keys rather than a round trip each.
/// </summary>
public sealed class GrainStateReads(NpgsqlDataSource database)
{
    private const string Select = """
        SELECT s.state_name, s.grain_id, s.etag, s.payload
        FROM hub_grain_state AS s
        JOIN unnest(@names, @ids) AS k(state_name, grain_id) ON s.state_name = k.state_name AND s.grain_id = k.grain_id
        """;

    /// <summary>Reads fail together (no member's data can cause a read to fail).</summary>
    public GroupCommit<StateRead> Start() => new(Read, _ => false, maxRecords: 2_000);

    private async Task Read(IReadOnlyList<StateRead> reads, CancellationToken cancellationToken)
    {
        var byKey = reads.ToLookup(r => (r.StateName, r.GrainId));
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Select, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. reads.Select(r => r.StateName)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. reads.Select(r => r.GrainId)] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var payload = reader.IsDBNull(3) ? null : reader.GetFieldValue<byte[]>(3);
            foreach (var read in byKey[(reader.GetString(0), reader.GetString(1))])
            {
                (read.Found, read.Etag, read.Payload) = (true, reader.GetInt64(2), payload);
            }
        }
    }
}
