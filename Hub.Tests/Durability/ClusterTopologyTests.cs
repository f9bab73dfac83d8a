using System.Net;
using Hub.Grains.Model;
using Hub.Grains.Topology;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Durability;

/// <summary>
/// A replace made through one silo reaches the areas another silo holds, whose own copy of the
/// topology follows a few seconds later: what the new units report is counted all the same.
/// </summary>
public class ClusterTopologyTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Units_added_through_one_silo_count_in_the_areas_above_them_wherever_those_live()
    {
        await using var silos = await TwoSilos.Start(postgres);
        var (a, b) = silos;
        int[] streets = [1, 2];
        // The areas whose children change are active before the replace, on whichever silo placed them.
        foreach (var s in streets)
        {
            Assert.Equal(0, (await b.Api.Status(TestCity.Street(s)))["workers"]!["onDuty"]!.GetValue<int>());
            Assert.Equal(0, (await a.Api.Status(TestCity.Community(s)))["workers"]!["onDuty"]!.GetValue<int>());
        }

        // Per street: a new grid in its community, and a new community with a grid of its own.
        var city = TestCity.Build();
        var grids = streets.SelectMany(s => new[] { (Street: s, Parent: TestCity.Community(s), Code: $"{TestCity.Community(s)}-G9"), (Street: s, Parent: $"D1-S{s}-C2", Code: $"D1-S{s}-C2-G1") }).ToList();
        var next = city with
        {
            Units = [
                .. city.Units,
                .. streets.Select(s => new UnitSpec($"D1-S{s}-C2", "新社区", UnitLevel.Community, TestCity.Street(s))),
                .. grids.Select(g => new UnitSpec(g.Code, "新网格", UnitLevel.Grid, g.Parent)),
            ],
            Workers = [.. city.Workers, .. grids.Select(g => new WorkerSpec($"W-{g.Code}", "新网格员", g.Code, WorkerRole.FullTime))],
        };
        Assert.Equal(HttpStatusCode.OK, (await a.Api.PutRaw("/api/v1/topology", HubHost.Serialize(next))).Status);
        foreach (var g in grids)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await a.Api.Checkins(Checkin($"W-{g.Code}", g.Code, "start"))).Status);
        }

        foreach (var s in streets)
        {
            await Eventually.Within(TimeSpan.FromSeconds(5), () => b.Api.Status(TestCity.Community(s)),
                x => x["workers"]!["onDuty"]!.GetValue<int>() == 1, $"community {s} counts its new grid's worker");
            await Eventually.Within(TimeSpan.FromSeconds(5), () => b.Api.Status(TestCity.Street(s)),
                x => x["workers"]!["onDuty"]!.GetValue<int>() == 2, $"street {s} counts both new grids' workers");
        }
    }
}
