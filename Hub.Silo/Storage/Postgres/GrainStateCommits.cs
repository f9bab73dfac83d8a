using Npgsql;
using NpgsqlTypes;

namespace Hub.Silo.Storage.Postgres;

/// <summary>
/// The statements of one group commit of grain states: updates where the stored version is the one
/// expected, inserts where none is stored — each a single statement over arrays, all in one
/// transaction (a cleared state is written as a row without payload). A grain named twice in one group (a retry while its first write waits)
/// is written in turn, in later rounds of the same transaction. The check-in history a state carries
/// is inserted in the same transaction, for the states written.
/// </summary>
public sealed class GrainStateCommits(NpgsqlDataSource database)
{
    private const string Update = """
        UPDATE hub_grain_state AS s SET etag = s.etag + 1, payload = i.payload, written_at = now()
        FROM unnest(@names, @ids, @expected, @payloads) AS i(state_name, grain_id, expected, payload)
        WHERE s.state_name = i.state_name AND s.grain_id = i.grain_id AND s.etag = i.expected
        RETURNING s.state_name, s.grain_id, s.etag
        """;

    private const string Insert = """
        INSERT INTO hub_grain_state (state_name, grain_id, etag, payload)
        SELECT state_name, grain_id, 1, payload FROM unnest(@names, @ids, @payloads) AS i(state_name, grain_id, payload)
        ON CONFLICT (state_name, grain_id) DO NOTHING
        RETURNING state_name, grain_id, etag
        """;

    /// <summary>
    /// Two groups in flight: one group's statements run on one server process, and while it
    /// commits the next can be under way (1,000-grid batches 26 % faster than with one, three no
    /// faster than two: bench/RESULTS.md). A grain waits for its write before its next, so its row
    /// is in one group at a time; a retry while its first write is still out waits on that row's
    /// lock and then finds the version moved, a conflict as in one group.
    /// </summary>
    public GroupCommit<StateWrite> Start(Action<int, TimeSpan>? committed = null) =>
        new(Write, PostgresHistory.IsDataError, maxRecords: 5_000, lanes: 2, committed: committed);

    private async Task Write(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var round in Rounds(writes))
        {
            foreach (var w in round)
            {
                w.Written = null;
                w.Conflict = true; // until the server says it wrote
            }
            var byKey = round.ToDictionary(w => w.Key);
            await Run(connection, Update, round.Where(w => w.Expected is not null).ToList(), byKey, withExpected: true, cancellationToken);
            await Run(connection, Insert, round.Where(w => w.Expected is null).ToList(), byKey, withExpected: false, cancellationToken);
            // History rows go in with the states written (a refused state's rows stay with its grain).
            if (round.Where(w => !w.Conflict && w.Checkins is not null).SelectMany(w => w.Checkins!).ToList() is { Count: > 0 } rows)
            {
                await PostgresHistory.CopyCheckins(connection, transaction, rows, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task Run(NpgsqlConnection connection, string sql, List<StateWrite> writes, Dictionary<(string, string), StateWrite> byKey, bool withExpected, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. writes.Select(w => w.StateName)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. writes.Select(w => w.GrainId)] });
        if (withExpected)
        {
            command.Parameters.Add(new NpgsqlParameter<long[]>("expected", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. writes.Select(w => w.Expected!.Value)] });
        }
        command.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = writes.Select(w => (object?)w.Payload ?? DBNull.Value).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var written = byKey[(reader.GetString(0), reader.GetString(1))];
            written.Written = reader.GetInt64(2);
            written.Conflict = false;
        }
    }

    /// <summary>The writes split so that no grain is named twice in one round, in the order they came.</summary>
    private static List<List<StateWrite>> Rounds(IReadOnlyList<StateWrite> writes)
    {
        var rounds = new List<List<StateWrite>>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var w in writes)
        {
            var n = seen.GetValueOrDefault(w.Key);
            seen[w.Key] = n + 1;
            if (rounds.Count <= n)
            {
                rounds.Add([]);
            }
            rounds[n].Add(w);
        }
        return rounds;
    }
}
