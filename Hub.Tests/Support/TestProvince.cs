using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Tests.Support;

/// <summary>
/// A province's shape at a size a test can afford: one district of <c>streets</c> streets, each of
/// communities of grids of buildings, two workers and a camera per grid (codes <c>P-…</c>).
/// </summary>
public static class TestProvince
{
    public const string Root = "P";
    public const string District = "P-D";

    public static string Grid(int s, int c, int g) => $"P-D-S{s}-C{c}-G{g}";

    public static string Building(int s, int c, int g, int b) => $"{Grid(s, c, g)}-B{b}";

    public static TopologyDocument Build(int streets, int communities = 10, int grids = 10, int buildings = 8)
    {
        var units = new List<UnitSpec> { new(Root, "测试省", UnitLevel.City, null), new(District, "测试区", UnitLevel.District, Root) };
        var workers = new List<WorkerSpec>();
        var devices = new List<DeviceSpec>();
        for (var s = 1; s <= streets; s++)
        {
            var street = $"P-D-S{s}";
            units.Add(new UnitSpec(street, $"第{s}街道", UnitLevel.Street, District));
            for (var c = 1; c <= communities; c++)
            {
                var community = $"{street}-C{c}";
                units.Add(new UnitSpec(community, $"第{c}社区", UnitLevel.Community, street));
                for (var g = 1; g <= grids; g++)
                {
                    var grid = Grid(s, c, g);
                    units.Add(new UnitSpec(grid, $"第{g}网格", UnitLevel.Grid, community));
                    units.AddRange(Enumerable.Range(1, buildings).Select(b => new UnitSpec(Building(s, c, g, b), $"{b}号楼", UnitLevel.Building, grid)));
                    workers.Add(new WorkerSpec($"PW-{s}-{c}-{g}-1", "张伟", grid, WorkerRole.FullTime));
                    workers.Add(new WorkerSpec($"PW-{s}-{c}-{g}-2", "李娜", grid, WorkerRole.PartTime));
                    devices.Add(new DeviceSpec($"PCAM-{s}-{c}-{g}", "camera", grid, "ZZ-P"));
                }
            }
        }
        return new TopologyDocument(units, workers, devices, [new DepartmentSpec("P-PS", "派出所", District)]);
    }
}
