using Npgsql;
using NpgsqlTypes;

namespace Hub.Bench;

/// <summary>
/// The server's own pace for what an accepted check-in must leave behind: binary COPY of check-in
/// history rows, 1,000 to a transaction, from as many writers as the ingest measurement has senders,
/// into a table shaped and indexed like <c>hub_checkins</c>. The ingest path's rate on PostgreSQL
/// is reported against this.
/// </summary>
public static class CopyBaseline
{
    public static async Task<Measure.Result> Run(string connectionString, TimeSpan duration, int writers, int rowsPerCommit)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using (var create = database.CreateCommand("DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (LIKE hub_checkins INCLUDING ALL)"))
        {
            await create.ExecuteNonQueryAsync();
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var commits = 0;
        async Task<int> Commit(int _)
        {
            var batch = Interlocked.Increment(ref commits);
            await using var connection = await database.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var copy = await connection.BeginBinaryImportAsync("COPY bench_copy (grid, id, worker, unit, path, kind, at, day, target) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < rowsPerCommit; i++)
                {
                    var grid = BenchCity.Grids[i % BenchCity.Grids.Count];
                    var unit = $"{grid}-B{1 + (i % 3)}";
                    await copy.StartRowAsync();
                    await copy.WriteAsync(grid, NpgsqlDbType.Text);
                    await copy.WriteAsync($"copy-{batch}-{i}", NpgsqlDbType.Text);
                    await copy.WriteAsync(BenchCity.Worker(i % BenchCity.Grids.Count), NpgsqlDbType.Text);
                    await copy.WriteAsync(unit, NpgsqlDbType.Text);
                    await copy.WriteAsync(new[] { "B", grid[..4], grid[..7], grid, unit }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await copy.WriteAsync("patrol", NpgsqlDbType.Text);
                    await copy.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(today, NpgsqlDbType.Date);
                    await copy.WriteAsync(unit, NpgsqlDbType.Text);
                }
                await copy.CompleteAsync();
            }
            await transaction.CommitAsync();
            return rowsPerCommit;
        }
        await Measure.Run(TimeSpan.FromSeconds(2), writers, Commit);
        var result = await Measure.Run(duration, writers, Commit);
        await using (var drop = database.CreateCommand("DROP TABLE bench_copy"))
        {
            await drop.ExecuteNonQueryAsync();
        }
        return result;
    }
}
