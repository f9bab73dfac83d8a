using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Durability;

/// <summary>A wall connected to one silo sees what happens through another (API.md §7 with two silos).</summary>
public class LiveClusterTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_wall_on_silo_a_sees_changes_made_through_silo_b()
    {
        await using var silos = await TwoSilos.Start(postgres);
        var (a, b) = silos;
        await using var wall = await WallClient.Connect(a.Url);
        await wall.Watch(TestCity.Grid(2, 3));
        await wall.Watch(TestCity.District);

        var id = await b.Api.Raise(Alert(TestCity.Building(2, 3, 1), severity: "critical", category: "smoke"));
        Assert.Equal(HttpStatusCode.Accepted, (await b.Api.Checkins(Checkin(TestCity.Worker(2, 3, 1), TestCity.Building(2, 3, 2), "patrol"))).Status);

        await Eventually.Within(TimeSpan.FromSeconds(2), () => Task.FromResult(wall.EventsOf(id)), e => e.Count > 0, "the raise through B reaches the wall on A");
        var grid = await Eventually.Within(TimeSpan.FromSeconds(2), () => Task.FromResult(wall.StatusesOf(TestCity.Grid(2, 3))),
            s => s.Any(x => x.Status["today"]!["patrolled"]!.GetValue<int>() == 1 && x.Status["health"]!.GetValue<string>() == "red"),
            "the grid's new status reaches the wall on A");
        Assert.NotEmpty(grid);
        Assert.Equal(HttpStatusCode.OK, (await b.Api.Post($"/api/v1/alerts/{id}/ack", new { note = "收到" })).Status);
        await Eventually.Within(TimeSpan.FromSeconds(2), () => Task.FromResult(wall.EventsOf(id)),
            e => e.Any(x => x.Event["kind"]!.GetValue<string>() == "acknowledged"), "the ack through B reaches the wall on A");
    }
}
