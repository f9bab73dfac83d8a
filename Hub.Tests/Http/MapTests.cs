using System.Net;
using System.Text.Json.Nodes;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Http;

/// <summary>A hub loaded with <see cref="MapCity"/>.</summary>
public sealed class MapHost : HubHost
{
    private readonly string _topology = WriteTopology(MapCity.Build());

    protected override IEnumerable<KeyValuePair<string, string>> Settings() => [new("Hub:Topology", _topology)];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_topology);
    }
}

/// <summary><c>GET /units/{code}/map</c> and the geometry a topology carries, through the API.</summary>
public class MapTests(MapHost host) : IClassFixture<MapHost>
{
    private readonly Api _api = host.Api;

    [Fact]
    public async Task The_map_gives_each_childs_shape_and_health_and_each_active_alert_at_its_point()
    {
        var critical = await _api.Raise(Alert(MapCity.Building(1, 2, 1), severity: "critical", category: "fire"));
        var atCamera = await _api.Raise(Alert(MapCity.Grid(1, 2), severity: "minor", category: "dumping", device: "CAM-MP12"));

        var map = await Eventually.Within(TimeSpan.FromSeconds(10), async () => (await _api.Get($"/api/v1/units/{MapCity.District}/map")).Json,
            m => m["children"]![0]!["active"]!.GetValue<int>() == 2, "the west street counts both alerts");
        Assert.Equal([121.40, 31.20, 121.50, 31.26], map["bounds"]!.AsArray().Select(n => n!.GetValue<double>()));
        Assert.Equal("Polygon", map["outline"]!["type"]!.GetValue<string>());
        var streets = map["children"]!.AsArray().Select(c => c!).ToList();
        Assert.Equal([MapCity.Street(1), MapCity.Street(2)], streets.Select(c => c["code"]!.GetValue<string>()));
        Assert.Equal(["江西街道", "江东街道"], streets.Select(c => c["name"]!.GetValue<string>()));
        Assert.Equal(["red", "green"], streets.Select(c => c["health"]!.GetValue<string>()));
        Assert.Equal([2, 0], streets.Select(c => c["active"]!.GetValue<int>()));
        // The west street is the west half, its name inside it.
        Assert.Equal(Ring(121.40, 31.20, 121.45, 31.26), Positions(streets[0]["geometry"]!));
        var label = streets[0]["label"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray();
        Assert.InRange(label[0], 121.40, 121.45);
        Assert.InRange(label[1], 31.20, 31.26);

        var alerts = map["alerts"]!.AsArray().ToDictionary(a => a!["id"]!.GetValue<string>(), a => a!);
        Assert.Equal(2, alerts.Count);
        var (lon, lat) = MapCity.BuildingAt(1, 2, 1);
        Near([lon, lat], Point(alerts[critical]));
        Assert.Equal(("critical", "raised", "fire"), (alerts[critical]["severity"]!.GetValue<string>(), alerts[critical]["state"]!.GetValue<string>(), alerts[critical]["category"]!.GetValue<string>()));
        Near([121.425, 31.245], Point(alerts[atCamera])); // the camera's own point, not its grid's

        // A grid's children are its buildings, as points.
        var grid = (await _api.Get($"/api/v1/units/{MapCity.Grid(1, 2)}/map")).Json;
        Assert.Equal(["Point", "Point"], grid["children"]!.AsArray().Select(c => c!["geometry"]!["type"]!.GetValue<string>()));
        Near([lon, lat], [.. grid["children"]![0]!["geometry"]!["coordinates"]!.AsArray().Select(n => n!.GetValue<double>())]);
        Assert.Equal(["red", "green"], grid["children"]!.AsArray().Select(c => c!["health"]!.GetValue<string>()));
        // The geometry travels only in the map: the topology's own answer stays as it was.
        var unit = (await _api.Get($"/api/v1/topology/{MapCity.Street(1)}")).Json;
        Assert.Null(unit["unit"]!["geometry"]);
    }

    [Fact]
    public async Task A_patrol_whose_position_lies_off_its_place_counts_and_is_counted_apart_up_the_tree()
    {
        var (building, grid, street) = (MapCity.Building(2, 2, 1), MapCity.Grid(2, 2), MapCity.Street(2));
        var (lon, lat) = MapCity.BuildingAt(2, 2, 1);
        // 0.0017° of latitude is 189 m, 0.0019° is 211 m; the grid's box is 121.45–121.50 E, 31.23–31.26 N.
        object Patrol(string unit, double? atLat, double? atLon) =>
            new { id = Guid.NewGuid().ToString("N"), worker = MapCity.Worker(2, 2), unit, kind = "patrol", at = Time(Now), lat = atLat, lon = atLon };
        var answer = await _api.Post("/api/v1/checkins", new[]
        {
            Patrol(building, lat + 0.0017, lon),
            Patrol(building, lat + 0.0019, lon),
            Patrol(building, null, null),
            Patrol(grid, 31.245, 121.475),
            Patrol(grid, 31.245, 121.503), // 285 m east of the grid's edge
        });
        Assert.Equal(HttpStatusCode.Accepted, answer.Status);

        await Eventually.Within(TimeSpan.FromSeconds(5), () => _api.Status(MapCity.District), s => s["today"]!["checkins"]!.GetValue<int>() == 5, "the district counts all five");
        Assert.Equal(
            [(building, 3, 1), (grid, 5, 2), (street, 5, 2), (MapCity.District, 5, 2)],
            await Task.WhenAll(new[] { building, grid, street, MapCity.District }.Select(async code =>
            {
                var today = (await _api.Status(code))["today"]!;
                return (code, today["checkins"]!.GetValue<int>(), today["offPlacePatrols"]!.GetValue<int>());
            })));
    }

    [Fact]
    public async Task A_unit_without_geometry_has_a_map_without_bounds_and_unknown_units_and_strangers_are_refused()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get("/api/v1/units/NOPE/map")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().Get($"/api/v1/units/{MapCity.District}/map")).Status);
    }

    [Fact]
    public async Task Bad_geometry_is_refused_whole_with_every_problem_by_its_path()
    {
        var city = JsonNode.Parse(HubHost.Serialize(MapCity.Build()))!;
        var units = city["units"]!.AsArray();
        int At(string code) => units.Select((u, i) => (u, i)).First(e => e.u!["code"]!.GetValue<string>() == code).i;
        var (street1, street2, grid, building, community) = (At(MapCity.Street(1)), At(MapCity.Street(2)), At(MapCity.Grid(2, 1)), At(MapCity.Building(1, 1, 1)), At(MapCity.Community(1)));
        units[street1]!["geometry"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[121.40,31.20],[121.45,31.20],[121.45,31.26],[121.40,31.26]]]}""");
        units[street2]!["geometry"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[121.45,31.20],[181.0,31.20],[121.50,95],[121.45,31.20]]]}""");
        units[grid]!["geometry"] = JsonNode.Parse(MapCity.Box(121.60, 31.20, 121.65, 31.23));
        units[building]!["geometry"] = JsonNode.Parse(MapCity.Box(121.41, 31.21, 121.42, 31.22));
        units[community]!["geometry"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[121.40,31.20],[121.45,31.26],[121.45,31.20],[121.40,31.26],[121.40,31.20]]]}""");
        city["devices"]![0]!["geometry"] = JsonNode.Parse("""{"type":"LineString","coordinates":[[121.41,31.21],[121.42,31.22]]}""");

        var answer = await _api.PutRaw("/api/v1/topology", city.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var errors = answer.Json["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Contains($"units[{street1}].geometry.coordinates[0]: the ring is not closed (its last position must equal its first)", errors);
        Assert.Contains($"units[{street2}].geometry.coordinates[0][1][0]: longitude 181 is outside -180..180", errors);
        Assert.Contains($"units[{street2}].geometry.coordinates[0][2][1]: latitude 95 is outside -90..90", errors);
        Assert.Contains(errors, e => e.StartsWith($"units[{grid}].geometry: 100% of it lies outside '{MapCity.Community(2)}'", StringComparison.Ordinal));
        Assert.Contains($"units[{building}].geometry: a building is a Point, not a Polygon", errors);
        Assert.Contains(errors, e => e.StartsWith($"units[{community}].geometry: not a valid area: Self-intersection", StringComparison.Ordinal));
        Assert.Contains("devices[0].geometry.type: 'LineString' is not one of Point, Polygon, MultiPolygon", errors);
        // The grid moved away from its two buildings and its camera: each says so.
        Assert.Equal(3, errors.Count(e => e.Contains($"m outside '{MapCity.Grid(2, 1)}' (at most 50 m)", StringComparison.Ordinal)));
        Assert.Equal(10, errors.Count);
        // Nothing of it was applied.
        var map = (await _api.Get($"/api/v1/units/{MapCity.District}/map")).Json;
        Assert.Equal(Ring(121.40, 31.20, 121.45, 31.26), Positions(map["children"]![0]!["geometry"]!));
    }

    /// <summary>Positions agree to the millionth of a degree the map sends.</summary>
    private static void Near(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 6));
    }

    private static double[] Point(JsonNode alert) => [.. alert["point"]!.AsArray().Select(n => n!.GetValue<double>())];

    private static List<double[]> Positions(JsonNode polygon) =>
        [.. polygon["coordinates"]![0]!.AsArray().Select(p => p!.AsArray().Select(n => n!.GetValue<double>()).ToArray())];

    private static List<double[]> Ring(double w, double s, double e, double n) => [[w, s], [e, s], [e, n], [w, n], [w, s]];
}
