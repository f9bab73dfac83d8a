using Hub.Grains.Field;
using Hub.Grains.Model;
using Npgsql;

namespace Hub.Silo.Storage.Postgres;

/// <summary>Case photos in PostgreSQL (<c>hub_case_photos</c>), beside the cases they belong to.</summary>
public sealed class PostgresPhotos(NpgsqlDataSource database) : ICasePhotos
{
    /// <summary>Photos removed per statement: each may be 2 MiB, and retention never holds long locks.</summary>
    private const int PruneBatch = 50;

    public async Task<int> Prune(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var removed = 0;
        while (true)
        {
            await using var delete = database.CreateCommand(
                "DELETE FROM hub_case_photos WHERE ctid IN (SELECT ctid FROM hub_case_photos WHERE at < @before LIMIT @batch)");
            delete.Parameters.AddWithValue("before", before.ToUniversalTime());
            delete.Parameters.AddWithValue("batch", PruneBatch);
            var rows = await delete.ExecuteNonQueryAsync(cancellationToken);
            removed += rows;
            if (rows < PruneBatch)
            {
                return removed;
            }
        }
    }

    public async Task Add(string alertId, string item, PhotoKind kind, IReadOnlyList<CasePhoto> photos, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < photos.Count; i++)
        {
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO hub_case_photos (alert_id, item, n, kind, content_type, bytes, at, by_user)
                VALUES (@alert, @item, @n, @kind, @type, @bytes, @at, @by)
                ON CONFLICT (alert_id, item, n) DO NOTHING
                """, connection, transaction);
            insert.Parameters.AddWithValue("alert", alertId);
            insert.Parameters.AddWithValue("item", item);
            insert.Parameters.AddWithValue("n", i + 1);
            insert.Parameters.AddWithValue("kind", WireName.Of(kind));
            insert.Parameters.AddWithValue("type", photos[i].ContentType);
            insert.Parameters.AddWithValue("bytes", photos[i].Bytes);
            insert.Parameters.AddWithValue("at", at.ToUniversalTime());
            insert.Parameters.AddWithValue("by", by);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CasePhotoInfo>> List(string alertId, CancellationToken cancellationToken = default)
    {
        var photos = new List<CasePhotoInfo>();
        await using var command = database.CreateCommand(
            "SELECT item, kind, content_type, length(bytes), at, by_user FROM hub_case_photos WHERE alert_id = @alert ORDER BY at, item, n");
        command.Parameters.AddWithValue("alert", alertId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var kind = WireName.TryParse<PhotoKind>(reader.GetString(1), out var k) ? k : PhotoKind.Report;
            photos.Add(new CasePhotoInfo(photos.Count + 1, reader.GetString(0), kind, reader.GetString(2), reader.GetInt32(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5)));
        }
        return photos;
    }

    public async Task<(CasePhotoInfo Info, byte[] Bytes)?> Read(string alertId, int number, CancellationToken cancellationToken = default)
    {
        var list = await List(alertId, cancellationToken);
        if (number < 1 || number > list.Count)
        {
            return null;
        }
        var info = list[number - 1];
        await using var command = database.CreateCommand(
            "SELECT bytes FROM hub_case_photos WHERE alert_id = @alert AND item = @item ORDER BY n OFFSET @skip LIMIT 1");
        command.Parameters.AddWithValue("alert", alertId);
        command.Parameters.AddWithValue("item", info.Item);
        command.Parameters.AddWithValue("skip", list.Take(number - 1).Count(p => p.Item == info.Item));
        return await command.ExecuteScalarAsync(cancellationToken) is byte[] bytes ? (info, bytes) : null;
    }
}
