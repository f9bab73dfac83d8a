using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Bench;

/// <summary>A district of 10 streets × 10 communities × 10 grids (1,000 grids), three buildings and one worker per grid.</summary>
public static class BenchCity
{
    public static IReadOnlyList<string> Grids { get; } =
        Enumerable.Range(0, 1_000).Select(i => $"B-S{i / 100}-C{i / 10 % 10}-G{i % 10}").ToArray();

    public static string Worker(int grid) => $"BW{grid:0000}";

    public static TopologyDocument Build()
    {
        var units = new List<UnitSpec> { new("B", "基准区", UnitLevel.District, null) };
        var workers = new List<WorkerSpec>();
        for (var s = 0; s < 10; s++)
        {
            units.Add(new UnitSpec($"B-S{s}", $"基准街道{s}", UnitLevel.Street, "B"));
            for (var c = 0; c < 10; c++)
            {
                units.Add(new UnitSpec($"B-S{s}-C{c}", $"基准社区{c}", UnitLevel.Community, $"B-S{s}"));
            }
        }
        for (var g = 0; g < Grids.Count; g++)
        {
            var grid = Grids[g];
            units.Add(new UnitSpec(grid, $"网格{g}", UnitLevel.Grid, grid[..grid.LastIndexOf('-')]));
            for (var b = 1; b <= 3; b++)
            {
                units.Add(new UnitSpec($"{grid}-B{b}", $"{b}号楼", UnitLevel.Building, grid));
            }
            workers.Add(new WorkerSpec(Worker(g), "基准网格员", grid, WorkerRole.FullTime));
        }
        return new TopologyDocument(units, workers, []);
    }
}
