using Hub.Silo.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Hub.Tests.Durability;

/// <summary>The project's own schema: applied to a fresh database, to an initialized one, and by two silos at once.</summary>
public class PostgresSchemaTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly string[] QueryKeys =
    [
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipKey", "UpdateMembershipKey",
        "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey",
        "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "UpsertReminderRowKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    private static async Task Apply(NpgsqlDataSource database) =>
        await new PostgresSchema(database, NullLogger<PostgresSchema>.Instance).Apply(CancellationToken.None);

    [Fact]
    public async Task A_fresh_database_gets_every_table_and_query_and_a_second_run_changes_nothing()
    {
        await using var database = NpgsqlDataSource.Create(await postgres.Server.CreateDatabase());
        await Apply(database);
        await using (var insert = database.CreateCommand("INSERT INTO hub_checkins (grid, id, worker, unit, path, kind, at, day) VALUES ('G', 'c1', 'W', 'G', '{G}', 'patrol', now(), current_date)"))
        {
            await insert.ExecuteNonQueryAsync();
        }
        await Apply(database);

        await using var keys = database.CreateCommand("SELECT querykey FROM orleansquery");
        var found = new List<string>();
        await using (var reader = await keys.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                found.Add(reader.GetString(0));
            }
        }
        Assert.Empty(QueryKeys.Except(found));
        await using var rows = database.CreateCommand("SELECT count(*) FROM hub_checkins");
        Assert.Equal(1L, await rows.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Two_silos_applying_it_at_the_same_moment_both_succeed()
    {
        await using var database = NpgsqlDataSource.Create(await postgres.Server.CreateDatabase());
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Apply(database))));
        await using var tables = database.CreateCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('hub_alerts', 'hub_alert_events', 'hub_checkins', 'orleansquery')");
        Assert.Equal(4L, await tables.ExecuteScalarAsync());
    }
}
