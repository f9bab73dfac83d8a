using System.Globalization;
using Hub.Grains.Geography;
using Hub.Grains.Model;
using Hub.Grains.Topology;
using Hub.Silo.Demo;
using Hub.Tests.Support;

namespace Hub.Tests.Unit;

/// <summary>The topology's geometry rules and the map's simplification, without a silo.</summary>
public class GeometryRulesTests
{
    [Fact]
    public void A_geometry_of_10000_positions_is_read_and_one_of_10001_is_refused()
    {
        var errors = new List<string>();
        Assert.NotNull(GeoJsonGeometry.Read(Circle(121.45, 31.23, 0.02, GeoJsonGeometry.MaxPositions - 1), "$", errors));
        Assert.Empty(errors);
        Assert.Null(GeoJsonGeometry.Read(Circle(121.45, 31.23, 0.02, GeoJsonGeometry.MaxPositions), "$", errors));
        Assert.Equal(["$.coordinates: 10001 positions; at most 10000 (simplify the outline)"], errors);
    }

    [Theory]
    [InlineData(40, true)]
    [InlineData(60, false)]
    public void A_building_may_stand_up_to_50_m_outside_its_grid(double metres, bool accepted)
    {
        // The first grid's east edge is at 121.45; the building stands east of it.
        var lon = 121.45 + (metres / GeometryRules.MetresPerDegree);
        var errors = Validate(MapCity.Building(1, 1, 1), MapCity.Point(lon, 31.21));
        Assert.Equal(accepted, errors.Count == 0);
        if (!accepted)
        {
            Assert.Equal([$"units[{Index(MapCity.Building(1, 1, 1))}].geometry: lies 60 m outside '{MapCity.Grid(1, 1)}' (at most 50 m)"], errors);
        }
    }

    [Theory]
    [InlineData(0.015, true)]
    [InlineData(0.03, false)]
    public void A_grid_may_reach_2_percent_of_itself_past_its_community(double share, bool accepted)
    {
        // The grid is 0.05° wide; stretching it east by share × width puts about that share outside.
        var east = 121.45 + (0.05 * share / (1 - share));
        var errors = Validate(MapCity.Grid(1, 1), MapCity.Box(121.40, 31.20, east, 31.23));
        Assert.Equal(accepted, errors.Count == 0);
        if (!accepted)
        {
            Assert.Equal([$"units[{Index(MapCity.Grid(1, 1))}].geometry: 3% of it lies outside '{MapCity.Community(1)}' (at most 2%)"], errors);
        }
    }

    [Fact]
    public void An_outline_is_simplified_for_the_screen_keeping_its_area()
    {
        var city = MapCity.Build();
        // The west street's outline as surveyed: 4,000 positions along its four edges.
        var detailed = DenseBox(121.40, 31.20, 121.45, 31.26, 1_000);
        var units = city.Units.Select(u => u.Code == MapCity.Street(1) ? u with { Geometry = detailed } : u).ToList();
        var index = new TopologyIndex(city with { Units = units }, 1);
        Assert.Empty(TopologyValidator.Validate(index.Document));

        var layer = new MapShapes().LayerOf(index, index.Find(MapCity.District)!);

        var street = layer.Children.Single(c => c.Code == MapCity.Street(1)).Shape!;
        var original = GeoJsonGeometry.Read(detailed, "$", [])!;
        Assert.InRange(street.NumPoints, 5, 10);
        Assert.InRange(street.Area / original.Area, 0.99, 1.01);
        Assert.Equal([121.40, 31.20, 121.50, 31.26], layer.Bounds!);
    }

    [Fact]
    public void The_demo_city_has_a_shape_for_every_unit_and_a_point_for_every_device_and_they_nest()
    {
        var demo = DemoCity.Build();
        Assert.Empty(TopologyValidator.Validate(demo));
        Assert.All(demo.Units, u => Assert.NotNull(u.Geometry));
        Assert.All(demo.Devices, d => Assert.NotNull(d.Geometry));
        Assert.All(demo.Units.Where(u => u.Level == UnitLevel.Building), u => Assert.StartsWith("{\"type\":\"Point\"", u.Geometry, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("http://tiles.city.internal/{z}/{x}/{y}.png", 0)]
    [InlineData("ftp://tiles.city.internal/{z}/{x}/{y}.png", 1)]
    [InlineData("http://tiles.city.internal/{z}/{x}.png", 1)]
    [InlineData("tiles/{z}/{x}/{y}.png", 1)]
    public void A_tile_server_is_an_http_address_with_z_x_and_y(string? url, int problems)
    {
        var options = new Hub.Dashboard.MapOptions { TileUrl = url };
        Assert.Equal(problems, options.Problems().Count);
        if (problems == 0 && url is not null)
        {
            Assert.Equal("http://tiles.city.internal", options.TileOrigin);
        }
    }

    private static List<string> Validate(string code, string geometry)
    {
        var city = MapCity.Build();
        return [.. TopologyValidator.Validate(city with { Units = [.. city.Units.Select(u => u.Code == code ? u with { Geometry = geometry } : u)] })];
    }

    private static int Index(string code) => MapCity.Build().Units.Select((u, i) => (u, i)).First(e => e.u.Code == code).i;

    private static string DenseBox(double w, double s, double e, double n, int perSide)
    {
        (double, double)[] corners = [(w, s), (e, s), (e, n), (w, n)];
        var positions = Enumerable.Range(0, 4).SelectMany(side =>
        {
            var ((x0, y0), (x1, y1)) = (corners[side], corners[(side + 1) % 4]);
            return Enumerable.Range(0, perSide).Select(i => (x0 + ((x1 - x0) * i / perSide), y0 + ((y1 - y0) * i / perSide)));
        }).Append((w, s));
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + string.Join(',', positions.Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.Item1:0.#########},{p.Item2:0.#########}]"))) + "]]}";
    }

    /// <summary>A closed ring of <paramref name="corners"/> corners (one more position, closing it).</summary>
    private static string Circle(double lon, double lat, double radius, int corners)
    {
        var positions = Enumerable.Range(0, corners + 1).Select(i =>
        {
            var angle = 2 * Math.PI * (i % corners) / corners;
            return string.Create(CultureInfo.InvariantCulture, $"[{lon + (radius * Math.Cos(angle)):0.#########},{lat + (radius * Math.Sin(angle)):0.#########}]");
        });
        return $"{{\"type\":\"Polygon\",\"coordinates\":[[{string.Join(',', positions)}]]}}";
    }
}
