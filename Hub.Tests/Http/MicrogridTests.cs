using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Http;

/// <summary>A hub loaded with <see cref="MicrogridCity"/>.</summary>
public sealed class MicrogridHost : HubHost
{
    private readonly string _topology = WriteTopology(MicrogridCity.Build());

    protected override IEnumerable<KeyValuePair<string, string>> Settings() => [new("Hub:Topology", _topology)];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_topology);
    }
}

/// <summary>微网格 through the API: status, patrol rates, alerts, the topology and stats handle the extra level.</summary>
public class MicrogridTests(MicrogridHost host) : IClassFixture<MicrogridHost>
{
    private readonly Api _api = host.Api;

    [Fact]
    public async Task A_micro_grid_has_its_own_status_and_its_grid_sums_it()
    {
        await _api.Checkins(
            Checkin("MW-2", MicrogridCity.Building(1, 1), "patrol"),
            Checkin("MW-3", MicrogridCity.Micro2, "patrol"),
            Checkin("MW-1", MicrogridCity.Grid, "start"));
        var alert = await _api.Raise(Alert(MicrogridCity.Building(1, 2), severity: "major", category: "water"));

        var micro = await Eventually.Within(TimeSpan.FromSeconds(5), () => _api.Status(MicrogridCity.Micro1),
            s => s["alerts"]!["active"]!.GetValue<int>() == 1, "the micro-grid counts its building's alert");
        Assert.Equal("microgrid", micro["level"]!.GetValue<string>());
        Assert.Equal([MicrogridCity.Building(1, 1), MicrogridCity.Building(1, 2)], micro["children"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()));
        // Its part-time worker, and one of its two buildings patrolled.
        Assert.Equal((1, 1), (micro["workers"]!["total"]!.GetValue<int>(), micro["workers"]!["onDuty"]!.GetValue<int>()));
        Assert.Equal((2, 1, 0.5), (micro["today"]!["patrolTargets"]!.GetValue<int>(), micro["today"]!["patrolled"]!.GetValue<int>(),
            micro["today"]!["patrolRate"]!.GetValue<double>()));

        // M2 has no buildings: it is its own patrol target.
        var bare = await _api.Status(MicrogridCity.Micro2);
        Assert.Equal((1, 1, 0), (bare["today"]!["patrolTargets"]!.GetValue<int>(), bare["today"]!["patrolled"]!.GetValue<int>(), bare["children"]!.AsArray().Count));

        var grid = await _api.Status(MicrogridCity.Grid);
        Assert.Equal([MicrogridCity.Micro1, MicrogridCity.Micro2], grid["children"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()));
        Assert.Equal(["microgrid", "microgrid"], grid["children"]!.AsArray().Select(c => c!["level"]!.GetValue<string>()));
        Assert.Equal((3, 3, 3, 2), (grid["workers"]!["total"]!.GetValue<int>(), grid["workers"]!["onDuty"]!.GetValue<int>(),
            grid["today"]!["patrolTargets"]!.GetValue<int>(), grid["today"]!["patrolled"]!.GetValue<int>()));
        Assert.Equal(1, grid["children"]!.AsArray()[0]!["alerts"]!["active"]!.GetValue<int>());

        var building = await _api.Status(MicrogridCity.Building(1, 2));
        Assert.Equal((1, "building", MicrogridCity.Micro1), (building["alerts"]!["active"]!.GetValue<int>(), building["level"]!.GetValue<string>(),
            building["parent"]!.GetValue<string>()));
        var district = await Eventually.Within(TimeSpan.FromSeconds(5), () => _api.Status(MicrogridCity.District),
            s => s["alerts"]!["active"]!.GetValue<int>() == 1 && s["today"]!["patrolled"]!.GetValue<int>() == 2, "the district sums it all");
        Assert.Equal(4, district["today"]!["patrolTargets"]!.GetValue<int>());

        // The alert lists and history know the micro-grid as a unit of the path.
        var listed = (await _api.Get($"/api/v1/alerts?unit={MicrogridCity.Micro1}")).Json["items"]!.AsArray();
        Assert.Equal([alert], listed.Select(a => a!["id"]!.GetValue<string>()));
        var stats = await Eventually.Within(TimeSpan.FromSeconds(5), async () => (await _api.Get($"/api/v1/units/{MicrogridCity.Micro1}/stats")).Json,
            s => s["raised"]!.GetValue<int>() == 1, "history has the micro-grid's case");
        Assert.Equal(1, stats["patrolled"]!.GetValue<int>());

        // The grid's chart of its children names its micro-grids.
        using var chart = await _api.Http.GetAsync($"/api/v1/units/{MicrogridCity.Grid}/charts/children-health.svg");
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        var svg = await chart.Content.ReadAsStringAsync();
        Assert.Contains("1号微网格", svg, StringComparison.Ordinal);
        Assert.Contains("2号微网格", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_topology_shows_households_and_dedicated_grids()
    {
        var community = (await _api.Get($"/api/v1/topology/{MicrogridCity.Community}")).Json;
        var children = community["children"]!.AsArray();
        var school = children.Single(c => c!["code"]!.GetValue<string>() == MicrogridCity.School)!;
        Assert.Equal(("dedicated", "school"), (school["kind"]!.GetValue<string>(), school["category"]!.GetValue<string>()));
        var grid = (await _api.Get($"/api/v1/topology/{MicrogridCity.Grid}")).Json;
        Assert.Equal([45, 38], grid["children"]!.AsArray().Select(c => c!["households"]!.GetValue<int>()));
        Assert.Null(grid["unit"]!["households"]);
        var micro = (await _api.Get($"/api/v1/topology/{MicrogridCity.Micro1}")).Json;
        Assert.Equal(["MW-2"], micro["workers"]!.AsArray().Select(w => w!["id"]!.GetValue<string>()));
        Assert.Equal(MicrogridCity.Grid, micro["unit"]!["parent"]!.GetValue<string>());

        // A worker checking in at a building of another grid's micro-grid is refused, as for plain grids.
        var wrong = await _api.Post("/api/v1/checkins", new[] { Checkin("MW-4", MicrogridCity.Building(1, 1), "patrol") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.Status);
    }

    [Fact]
    public async Task A_topology_file_with_micro_grids_round_trips_and_bad_ones_are_named()
    {
        var whole = (await _api.Get("/api/v1/topology")).Json;
        var micro = whole["units"]!.AsArray().Single(u => u!["code"]!.GetValue<string>() == MicrogridCity.Micro1)!;
        Assert.Equal(("microgrid", 45), (micro["level"]!.GetValue<string>(), micro["households"]!.GetValue<int>()));
        Assert.Equal(MicrogridCity.Micro1, whole["workers"]!.AsArray().Single(w => w!["id"]!.GetValue<string>() == "MW-2")!["microgrid"]!.GetValue<string>());

        var bad = HubHost.Serialize(MicrogridCity.Build() with
        {
            Units = [.. MicrogridCity.Build().Units.Select(u => u.Code == MicrogridCity.Micro2 ? u with { Households = -1 } : u)],
        });
        var refused = await _api.PutRaw("/api/v1/topology", bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(refused.Json["errors"]!.AsArray(), e => e!.GetValue<string>() == "units[7].households: must be between 0 and 100000");
    }
}
