using Hub.Grains.History;
using Hub.Grains.Model;
using Hub.Grains.Units;
using Hub.Silo.Storage;
using Hub.Silo.Storage.Memory;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Hub.Tests.Unit;

/// <summary>Memory storage's shared parts, written by many grids at once: nothing kept twice, nothing lost, a stale version refused.</summary>
public class MemoryStorageTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);

    private static CheckinRecord Row(string grid, string? id, DateOnly day) =>
        new(grid, id, "W1", grid, ["D1", grid], CheckinKind.Patrol, day.ToDateTime(new TimeOnly(9, 0)), day, null);

    [Fact]
    public async Task Check_ins_recorded_from_many_threads_at_once_are_each_kept_once()
    {
        var checkins = new MemoryCheckins();
        // 40 grids; every (grid, id) recorded by two threads, and ids without one always kept.
        var added = await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
            Enumerable.Range(0, 500).Sum(i => checkins.Record([Row($"G{i % 40}", $"c{(thread / 2) * 500 + i}", Day), Row($"G{i % 40}", null, Day)])))));
        Assert.Equal((4 * 500) + (8 * 500), added.Sum());
        var all = checkins.All();
        Assert.Equal(6_000, all.Count);
        Assert.Equal(2_000, all.Where(c => c.Id is not null).Select(c => (c.Grid, c.Id)).Distinct().Count());
    }

    [Fact]
    public void Pruning_removes_the_days_before_and_lets_their_ids_be_recorded_again()
    {
        var checkins = new MemoryCheckins();
        checkins.Record([Row("G1", "a", Day.AddDays(-1)), Row("G2", "b", Day.AddDays(-1)), Row("G1", "c", Day)]);
        Assert.Equal(2, checkins.Prune(Day));
        Assert.Equal(["c"], checkins.All().Select(c => c.Id));
        Assert.Equal(1, checkins.Record([Row("G1", "a", Day), Row("G1", "c", Day)]));
    }

    [Fact]
    public async Task A_state_written_from_a_stale_version_is_refused_and_the_newer_one_kept()
    {
        var serializer = new StateSerializer(new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(GridState).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>());
        var store = new MemoryStateStore(serializer, new NoHistory());
        var grid = GrainId.Create("grid", "G1");
        var first = new GrainState<GridState>(new GridState());
        await store.WriteStateAsync("grid", grid, first);
        var stale = new GrainState<GridState>(new GridState());
        await store.ReadStateAsync("grid", grid, stale);

        first.State!.LastPatrol["B1"] = DateTimeOffset.UnixEpoch;
        await store.WriteStateAsync("grid", grid, first);
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteStateAsync("grid", grid, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteStateAsync("grid", grid, new GrainState<GridState>(new GridState())));
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.ClearStateAsync("grid", grid, stale));

        var read = new GrainState<GridState>(new GridState());
        await store.ReadStateAsync("grid", grid, read);
        Assert.Equal(("2", true), (read.ETag, read.State!.LastPatrol.ContainsKey("B1")));
        await store.ClearStateAsync("grid", grid, read);
        var fresh = new GrainState<GridState>(new GridState());
        await store.WriteStateAsync("grid", grid, fresh);
        Assert.Equal("1", fresh.ETag);
    }

    private sealed class NoHistory : ICheckinJournal
    {
        public Task Record(IReadOnlyList<CheckinRecord> checkins, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
