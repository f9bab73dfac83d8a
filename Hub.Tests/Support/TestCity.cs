using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Tests.Support;

/// <summary>
/// A small city for tests: one district (D1) with two streets, each with one community of six grids.
/// Grid G1..G5 of each community have three buildings, G6 has none. Each grid has two workers and a
/// camera; building B1 of each grid has a smoke sensor. Tests pick distinct grids so they can share a host.
/// </summary>
public static class TestCity
{
    public const string City = "T";
    public const string District = "D1";

    public static string Street(int s) => $"D1-S{s}";

    public static string Community(int s) => $"D1-S{s}-C1";

    public static string Grid(int s, int g) => $"D1-S{s}-C1-G{g}";

    public static string Building(int s, int g, int b) => $"{Grid(s, g)}-B{b}";

    public static string Worker(int s, int g, int w) => $"W-{s}-{g}-{w}";

    public static string Camera(int s, int g) => $"CAM-{s}-{g}";

    public static string Smoke(int s, int g) => $"SMK-{s}-{g}";

    public static string Police(int s) => $"PS-S{s}";

    public static string MarketRegulation(int s) => $"MR-S{s}";

    public const string Enforcement = "ENF-D1";

    public static TopologyDocument Build()
    {
        var units = new List<UnitSpec>
        {
            new(City, "测试市", UnitLevel.City, null),
            new(District, "测试区", UnitLevel.District, City),
        };
        var workers = new List<WorkerSpec>();
        var devices = new List<DeviceSpec>();
        for (var s = 1; s <= 2; s++)
        {
            units.Add(new UnitSpec(Street(s), $"第{s}街道", UnitLevel.Street, District));
            units.Add(new UnitSpec(Community(s), $"第{s}社区", UnitLevel.Community, Street(s)));
            for (var g = 1; g <= 6; g++)
            {
                units.Add(new UnitSpec(Grid(s, g), $"第{g}网格", UnitLevel.Grid, Community(s)));
                if (g < 6)
                {
                    for (var b = 1; b <= 3; b++)
                    {
                        units.Add(new UnitSpec(Building(s, g, b), $"{b}号楼", UnitLevel.Building, Grid(s, g)));
                    }
                    devices.Add(new DeviceSpec(Smoke(s, g), "smoke-sensor", Building(s, g, 1), "ZZ-T"));
                }
                workers.Add(new WorkerSpec(Worker(s, g, 1), "张伟", Grid(s, g), WorkerRole.FullTime));
                workers.Add(new WorkerSpec(Worker(s, g, 2), "李娜", Grid(s, g), WorkerRole.PartTime));
                devices.Add(new DeviceSpec(Camera(s, g), "camera", Grid(s, g), "ZZ-T"));
            }
        }
        // Functional departments summoned to cases (吹哨报到): two for street 1, one for street 2, one for the district.
        DepartmentSpec[] departments =
        [
            new(Police(1), "第1街道派出所", Street(1)),
            new(MarketRegulation(1), "第1街道市场监管所", Street(1)),
            new(Police(2), "第2街道派出所", Street(2)),
            new(Enforcement, "区综合执法大队", District),
        ];
        return new TopologyDocument(units, workers, devices, departments);
    }
}
