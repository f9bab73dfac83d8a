using Hub.Grains.Model;
using Hub.Grains.Topology;
using Hub.Tests.Support;

namespace Hub.Tests.Unit;

/// <summary>Which units re-report after a replace: exactly those whose figures read what changed.</summary>
public class TopologyChangeTests
{
    private static readonly TopologyDocument City = TestCity.Build();

    private static string[] Touched(TopologyDocument before, TopologyDocument after)
    {
        var (was, now) = (new TopologyIndex(before, 1), new TopologyIndex(after, 2));
        return [.. was.Units.Concat(now.Units)
            .Where(u => !u.Level.IsGridHeld() || u.Level == UnitLevel.Grid)
            .Select(u => u.Code)
            .Distinct()
            .Where(code => TopologyChange.Touches(was, now, code))
            .Order(StringComparer.Ordinal)];
    }

    private static TopologyDocument WithUnit(string code, Func<UnitSpec, UnitSpec> change) =>
        City with { Units = [.. City.Units.Select(u => u.Code == code ? change(u) : u)] };

    [Fact]
    public void The_same_topology_touches_nothing_and_a_first_one_everything()
    {
        Assert.Empty(Touched(City, TestCity.Build()));
        Assert.Equal(1 + 1 + 2 + 2 + 12, Touched(TopologyDocument.Empty, City).Length); // the city, its district, streets, communities and grids
    }

    [Fact]
    public void A_moved_grid_touches_itself_and_the_parents_it_left_and_joined()
    {
        var moved = WithUnit(TestCity.Grid(2, 5), u => u with { Parent = TestCity.Community(1) });
        Assert.Equal([TestCity.Community(1), TestCity.Community(2), TestCity.Grid(2, 5)], Touched(City, moved));
    }

    [Fact]
    public void A_renamed_building_or_a_new_worker_touches_only_their_grid()
    {
        Assert.Equal([TestCity.Grid(1, 2)], Touched(City, WithUnit(TestCity.Building(1, 2, 3), u => u with { Name = "新3号楼" })));
        var hired = City with { Workers = [.. City.Workers, new WorkerSpec("W-NEW", "王芳", TestCity.Grid(2, 4), WorkerRole.FullTime)] };
        Assert.Equal([TestCity.Grid(2, 4)], Touched(City, hired));
    }

    [Fact]
    public void A_new_building_touches_its_grid_and_a_removed_grid_its_parent()
    {
        var built = City with { Units = [.. City.Units, new UnitSpec(TestCity.Building(2, 6, 1), "1号楼", UnitLevel.Building, TestCity.Grid(2, 6))] };
        Assert.Equal([TestCity.Grid(2, 6)], Touched(City, built));
        var removed = City with
        {
            Units = [.. City.Units.Where(u => u.Code != TestCity.Grid(2, 6))],
            Workers = [.. City.Workers.Where(w => w.Grid != TestCity.Grid(2, 6))],
            Devices = [.. City.Devices.Where(d => d.Unit != TestCity.Grid(2, 6))],
        };
        Assert.Equal([TestCity.Community(2), TestCity.Grid(2, 6)], Touched(City, removed));
    }
}
