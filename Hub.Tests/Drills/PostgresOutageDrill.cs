using Hub.Tests.Durability;
using Hub.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Hub.Tests.Drills;

/// <summary>
/// Fault drill: PostgreSQL stopped with <c>-m immediate</c> (a power cut) under steady load, and
/// started again. Every 2xx survives, every refused batch resent with its ids is counted exactly
/// once, and writes are accepted again soon after the database returns — with no hub restart.
/// </summary>
public class PostgresOutageDrill(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan Before = TimeSpan.FromSeconds(4), Down = TimeSpan.FromSeconds(4), After = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task A_power_cut_of_the_database_under_load_loses_nothing_acknowledged_and_heals_by_itself()
    {
        var database = await postgres.Server.CreateDatabase();
        await using var silo = await SiloProcess.Start(PostgresFixture.Silo(database, postgres.TopologyFile));
        await silo.Api.Status(TestCity.City); // signed in before the drill
        var reporters = Enumerable.Range(1, 2).SelectMany(s => Enumerable.Range(1, 5).Select(g => (TestCity.Worker(s, g, 1), TestCity.Building(s, g, 1 + (g % 3))))).ToArray();
        var load = new DrillLoad(_ => silo.Api, reporters);

        using var stop = new CancellationTokenSource();
        var running = load.Run(writers: 4, stop.Token);
        await Task.Delay(Before);
        var cut = load.Elapsed;
        await postgres.Server.Stop();
        await Task.Delay(Down);
        await postgres.Server.Start();
        var back = load.Elapsed;
        await Task.Delay(After);
        await stop.CancelAsync();
        await running;

        var firstAfter = load.FirstAcknowledgedAfter(back);
        Assert.NotNull(firstAfter);
        var refused = load.RefusedBatches;
        var resent = await load.ResendRefused(TimeSpan.FromSeconds(30));

        // Every id ever sent is stored exactly once; every acknowledged one among them.
        var stored = await StoredIds(database);
        Assert.Equal(load.Sent.Count, stored.Count);
        Assert.Empty(load.Sent.Except(stored));
        Assert.Empty(load.Acknowledged.Except(stored));
        var city = await Eventually.Within(TimeSpan.FromSeconds(10), () => silo.Api.Status(TestCity.City),
            s => s["today"]!["checkins"]!.GetValue<int>() == load.Sent.Count, "the city counts each check-in once");
        Assert.NotNull(city);

        output.WriteLine($"drill: postgres-outage | batches {load.Batches} | check-ins acknowledged during load {load.Acknowledged.Count - resent * 10} " +
            $"| refused batches {refused} (resent {resent}) | lost 0 | stored {stored.Count} of {load.Sent.Count} sent | " +
            $"cut at {cut.TotalSeconds:0.0} s for {Down.TotalSeconds:0} s | writes accepted again {(firstAfter!.Value - back).TotalSeconds:0.0} s after the database returned");
    }

    private static async Task<HashSet<string>> StoredIds(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM hub_checkins WHERE id LIKE 'drill-%'", connection);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
            rows++;
        }
        Assert.Equal(ids.Count, rows);
        return ids;
    }
}
