using System.Security.Cryptography;
using Hub.Grains.Units;
using Hub.Silo.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

namespace Hub.Tests.Durability;

/// <summary>
/// The hub's own grain state store on a real PostgreSQL: writes of many grains commit together,
/// each still checked against the version it expects, and states of the earlier store are read
/// until a grain's first write here.
/// </summary>
public class GrainStateStoreTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly IGrainStorageSerializer Serializer = new OrleansGrainStorageSerializer(
        new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(GridState).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>());

    /// <param name="earlierRows">Whether the earlier store's table holds a row (what <paramref name="earlier"/> answers stands for it).</param>
    private async Task<(GrainStateStore Store, string Connection)> Store(IGrainStorage? earlier = null, bool earlierRows = false)
    {
        var connection = await postgres.Server.CreateDatabase();
        await using (var database = NpgsqlDataSource.Create(connection))
        {
            await new PostgresSchema(database, NullLogger<PostgresSchema>.Instance).Apply(CancellationToken.None);
            if (earlierRows)
            {
                await using var row = database.CreateCommand("""
                    INSERT INTO OrleansGrainState (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, PayloadBinary, Version)
                    VALUES (1, 2, 'hub', 0, 0, 'grid', '\x00', 7)
                    """);
                await row.ExecuteNonQueryAsync();
            }
        }
        return (new GrainStateStore(NpgsqlDataSource.Create(connection), Serializer, earlier), connection);
    }

    private static GridState Patrolled(string unit, int hour) =>
        new() { LastPatrol = { [unit] = new DateTimeOffset(2026, 12, 1, hour, 0, 0, TimeSpan.FromHours(8)) } };

    private static GrainId Grid(int i) => GrainId.Create("grid", $"G{i}");

    [Fact]
    public async Task Two_hundred_grains_written_at_once_are_all_stored_with_their_versions()
    {
        var (store, _) = await Store();
        await using var _ = store;
        var states = Enumerable.Range(0, 200).Select(i => new GrainState<GridState>(Patrolled($"B{i}", 8))).ToArray();
        await Task.WhenAll(states.Select((s, i) => store.WriteStateAsync("grid", Grid(i), s)));
        Assert.All(states, s => Assert.Equal(("1", true), (s.ETag, s.RecordExists)));
        await Task.WhenAll(states.Select((s, i) =>
        {
            s.State!.LastPatrol[$"B{i}"] = s.State!.LastPatrol[$"B{i}"].AddHours(1);
            return store.WriteStateAsync("grid", Grid(i), s);
        }));
        Assert.All(states, s => Assert.Equal("2", s.ETag));
        var read = new GrainState<GridState>(new GridState());
        await store.ReadStateAsync("grid", Grid(137), read);
        Assert.Equal(("2", 9), (read.ETag, read.State!.LastPatrol["B137"].Hour));
    }

    [Fact]
    public async Task A_write_from_a_stale_copy_is_refused_alone_and_the_others_in_its_group_commit()
    {
        var (store, _) = await Store();
        await using var _ = store;
        var first = new GrainState<GridState>(Patrolled("B1", 8));
        await store.WriteStateAsync("grid", Grid(1), first);
        var stale = new GrainState<GridState>(new GridState());
        await store.ReadStateAsync("grid", Grid(1), stale);
        first.State!.LastPatrol["B1"] = first.State!.LastPatrol["B1"].AddHours(2);
        await store.WriteStateAsync("grid", Grid(1), first);

        stale.State!.LastPatrol["B1"] = stale.State!.LastPatrol["B1"].AddHours(5);
        var others = Enumerable.Range(2, 50).Select(i => new GrainState<GridState>(Patrolled("B1", 7))).ToArray();
        var refused = Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteStateAsync("grid", Grid(1), stale));
        await Task.WhenAll(others.Select((s, i) => store.WriteStateAsync("grid", Grid(i + 2), s)));
        await refused;
        Assert.All(others, s => Assert.Equal("1", s.ETag));
        var read = new GrainState<GridState>(new GridState());
        await store.ReadStateAsync("grid", Grid(1), read);
        Assert.Equal(("2", 10), (read.ETag, read.State!.LastPatrol["B1"].Hour)); // the stale copy's 13:00 never landed
    }

    [Fact]
    public async Task A_state_of_the_earlier_store_is_read_until_the_first_write_here_and_a_cleared_one_stays_cleared()
    {
        var earlier = new EarlierStore(Patrolled("B3", 6));
        var (store, _) = await Store(earlier, earlierRows: true);
        await using var _ = store;
        var state = new GrainState<GridState>(new GridState());
        await store.ReadStateAsync("grid", Grid(3), state);
        Assert.Equal((6, (string?)null, 1), (state.State!.LastPatrol["B3"].Hour, state.ETag, earlier.Reads));
        await store.WriteStateAsync("grid", Grid(3), state);
        var again = new GrainState<GridState>(new GridState());
        await store.ReadStateAsync("grid", Grid(3), again);
        Assert.Equal(("1", 6, 1), (again.ETag, again.State!.LastPatrol["B3"].Hour, earlier.Reads));

        await store.ClearStateAsync("grid", Grid(3), again);
        Assert.Equal(("2", false), (again.ETag, again.RecordExists));
        var cleared = new GrainState<GridState>(new GridState());
        await store.ReadStateAsync("grid", Grid(3), cleared);
        // Cleared here stays cleared: the earlier store's copy does not come back.
        Assert.Equal(("2", false, 1), (cleared.ETag, cleared.RecordExists, earlier.Reads));
        Assert.Empty(cleared.State!.LastPatrol);
    }

    [Fact]
    public async Task An_empty_earlier_store_is_never_asked()
    {
        var earlier = new EarlierStore(Patrolled("B3", 6));
        var (store, _) = await Store(earlier, earlierRows: false);
        await using var _ = store;
        var state = new GrainState<GridState>(new GridState());
        await store.ReadStateAsync("grid", Grid(4), state);
        await store.ReadStateAsync("grid", Grid(5), state);
        Assert.Equal((0, false), (earlier.Reads, state.RecordExists));
        Assert.Empty(state.State!.LastPatrol);
    }

    [Fact]
    public async Task A_grid_state_of_a_few_kilobytes_is_rewritten_inline_not_moved_out_of_line()
    {
        var (store, connection) = await Store();
        await using var _ = store;
        var state = new GrainState<GridState>(new GridState());
        for (var write = 0; write < 3; write++)
        {
            // Fingerprints look random: nothing for the server to compress them below the 2 KB at which it would move them out.
            state.State!.Seen.Packed[new DateOnly(2026, 12, 1)] = RandomNumberGenerator.GetBytes(3_000 + write * 1_000);
            await store.WriteStateAsync("grid", Grid(1), state);
        }
        await using var database = NpgsqlDataSource.Create(connection);
        await using var toast = database.CreateCommand("SELECT reltoastrelid::regclass::text FROM pg_class WHERE relname = 'hub_grain_state'");
        var toastTable = (string)(await toast.ExecuteScalarAsync())!;
        await using var outOfLine = database.CreateCommand($"SELECT count(*) FROM {toastTable}");
        Assert.Equal(0L, await outOfLine.ExecuteScalarAsync());
        var read = new GrainState<GridState>(new GridState());
        await store.ReadStateAsync("grid", Grid(1), read);
        Assert.Equal(5_000, read.State!.Seen.Packed[new DateOnly(2026, 12, 1)].Length);
    }

    /// <summary>What a state stored by the earlier provider reads as.</summary>
    private sealed class EarlierStore(GridState stored) : IGrainStorage
    {
        public int Reads { get; private set; }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Reads++;
            grainState.State = (T)(object)stored;
            grainState.ETag = "earlier-7";
            grainState.RecordExists = true;
            return Task.CompletedTask;
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw new InvalidOperationException("the earlier store is only read");

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw new InvalidOperationException("the earlier store is only read");
    }
}
