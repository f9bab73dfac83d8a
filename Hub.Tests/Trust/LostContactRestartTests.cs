using System.Net;
using Hub.Tests.Durability;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Trust;

/// <summary>
/// A worker on duty who goes quiet is reported lost contact even when the silo was killed and
/// nobody reads that grid afterwards: a durable reminder stands behind the grid's timer while
/// anyone on it is on duty. Before, it held only because start-up happened to wake every grid.
/// </summary>
public class LostContactRestartTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_silent_worker_is_reported_after_a_kill_9_though_nobody_reads_the_grid()
    {
        var settings = PostgresFixture.Silo(await postgres.Server.CreateDatabase(), postgres.TopologyFile,
            new Dictionary<string, string> { ["Hub:LostContactMinutes"] = "0.1" });
        var grid = TestCity.Grid(2, 6);
        var worker = TestCity.Worker(2, 6, 2);
        var silo = await SiloProcess.Start(settings);
        Assert.Equal(HttpStatusCode.Accepted, (await silo.Api.Checkins(Checkin(worker, grid, "start"))).Status);
        await silo.DisposeAsync(); // SIGKILL, well before the 6 s of silence are up

        // The same silo again, with the stored topology: nothing at start touches the grid.
        settings.Remove("Hub:Topology");
        await using var again = await SiloProcess.Start(settings);
        // The journal answers this list, not the grid.
        var lost = await Eventually.Within(TimeSpan.FromSeconds(30),
            async () => (await again.Api.Get($"/api/v1/alerts?unit={grid}&state=active")).Json["items"]!.AsArray(),
            items => items.Any(a => a!["category"]!.GetValue<string>() == "worker-lost-contact"),
            "the silent worker is reported lost contact");
        var alert = lost.Single(a => a!["category"]!.GetValue<string>() == "worker-lost-contact")!;
        Assert.Equal(("major", grid), (alert["severity"]!.GetValue<string>(), alert["unit"]!.GetValue<string>()));
    }
}
