using System.Globalization;
using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Tests.Support;

/// <summary>
/// A district with geometry, laid out on a lattice so a test knows where everything is: the district
/// 121.40–121.50 E × 31.20–31.26 N, its two streets the west and east halves (each with one community
/// covering it), each community two grids (south and north halves), each grid two buildings.
/// </summary>
public static class MapCity
{
    public const string District = "MP";

    public static string Street(int s) => $"MP-S{s}";

    public static string Community(int s) => $"MP-S{s}-C1";

    public static string Grid(int s, int g) => $"MP-S{s}-G{g}";

    public static string Building(int s, int g, int b) => $"MP-S{s}-G{g}-B{b}";

    public static string Worker(int s, int g) => $"WMP{s}{g}";

    /// <summary>Where building <paramref name="b"/> of grid <paramref name="g"/> of street <paramref name="s"/> stands.</summary>
    public static (double Lon, double Lat) BuildingAt(int s, int g, int b) =>
        (121.40 + (0.05 * (s - 1)) + (0.015 * b), 31.20 + (0.03 * (g - 1)) + (0.01 * b));

    public static TopologyDocument Build()
    {
        var units = new List<UnitSpec> { new(District, "滨江区", UnitLevel.District, null, Geometry: Box(121.40, 31.20, 121.50, 31.26)) };
        var workers = new List<WorkerSpec>();
        var devices = new List<DeviceSpec>();
        for (var s = 1; s <= 2; s++)
        {
            var west = 121.40 + (0.05 * (s - 1));
            units.Add(new UnitSpec(Street(s), s == 1 ? "江西街道" : "江东街道", UnitLevel.Street, District, Geometry: Box(west, 31.20, west + 0.05, 31.26)));
            units.Add(new UnitSpec(Community(s), s == 1 ? "西岸社区" : "东岸社区", UnitLevel.Community, Street(s), Geometry: Box(west, 31.20, west + 0.05, 31.26)));
            for (var g = 1; g <= 2; g++)
            {
                var south = 31.20 + (0.03 * (g - 1));
                units.Add(new UnitSpec(Grid(s, g), $"第{g}网格", UnitLevel.Grid, Community(s), Geometry: Box(west, south, west + 0.05, south + 0.03)));
                workers.Add(new WorkerSpec(Worker(s, g), $"网格员{s}{g}", Grid(s, g), WorkerRole.FullTime));
                for (var b = 1; b <= 2; b++)
                {
                    var (lon, lat) = BuildingAt(s, g, b);
                    units.Add(new UnitSpec(Building(s, g, b), $"{b}号楼", UnitLevel.Building, Grid(s, g), Geometry: Point(lon, lat)));
                }
                devices.Add(new DeviceSpec($"CAM-MP{s}{g}", "camera", Grid(s, g), "ZZ-MP", Point(west + 0.025, south + 0.015)));
            }
        }
        return new TopologyDocument(units, workers, devices);
    }

    public static string Box(double west, double south, double east, double north) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"type\":\"Polygon\",\"coordinates\":[[[{west},{south}],[{east},{south}],[{east},{north}],[{west},{north}],[{west},{south}]]]}}");

    public static string Point(double lon, double lat) => string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"Point\",\"coordinates\":[{lon},{lat}]}}");
}
