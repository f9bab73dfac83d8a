using Hub.Grains.Model;
using Hub.Grains.Topology;
using Hub.Tests.Support;

namespace Hub.Tests.Unit;

/// <summary>微网格 and 专属网格 in the topology: where they may hang, what they carry, how the index reads them.</summary>
public class MicrogridTopologyTests
{
    private static readonly TopologyIndex Index = new(MicrogridCity.Build(), 1);

    private static IReadOnlyList<string> Problems(Func<TopologyDocument, TopologyDocument> change) => TopologyValidator.Validate(change(MicrogridCity.Build()));

    private static TopologyDocument Replace(TopologyDocument doc, string code, Func<UnitSpec, UnitSpec> change) =>
        doc with { Units = [.. doc.Units.Select(u => u.Code == code ? change(u) : u)] };

    [Fact]
    public void The_city_with_micro_grids_is_valid() => Assert.Empty(TopologyValidator.Validate(MicrogridCity.Build()));

    [Fact]
    public void A_micro_grid_hangs_under_a_grid_and_a_building_under_either()
    {
        Assert.Contains(Problems(d => Replace(d, MicrogridCity.Micro1, u => u with { Parent = MicrogridCity.Community })),
            p => p.StartsWith("units[4].parent:", StringComparison.Ordinal) && p.Contains("one level above", StringComparison.Ordinal));
        Assert.Contains(Problems(d => Replace(d, MicrogridCity.SchoolBuilding, u => u with { Parent = MicrogridCity.Community })),
            p => p.Contains("a building belongs to a grid or a microgrid", StringComparison.Ordinal));
        Assert.Contains(Problems(d => Replace(d, MicrogridCity.Micro2, u => u with { Parent = MicrogridCity.Micro1 })),
            p => p.StartsWith("units[7].parent:", StringComparison.Ordinal));
    }

    [Fact]
    public void Households_kind_and_category_belong_to_their_levels()
    {
        Assert.Contains("units[3].households: only a microgrid has households", Problems(d => Replace(d, MicrogridCity.Grid, u => u with { Households = 40 })));
        Assert.Contains("units[4].kind: only a grid has a kind", Problems(d => Replace(d, MicrogridCity.Micro1, u => u with { Kind = GridKind.Dedicated, Category = "school" })));
        Assert.Contains(Problems(d => Replace(d, MicrogridCity.School, u => u with { Category = null })),
            p => p.StartsWith("units[8].category: a dedicated grid names what it covers", StringComparison.Ordinal));
        Assert.Contains("units[3].category: only a dedicated grid has a category", Problems(d => Replace(d, MicrogridCity.Grid, u => u with { Category = "market" })));
    }

    [Fact]
    public void A_worker_looks_after_a_micro_grid_of_their_own_grid_only()
    {
        var problems = Problems(d => d with { Workers = [.. d.Workers.Select(w => w.Id == "MW-4" ? w with { Microgrid = MicrogridCity.Micro1 } : w)] });
        Assert.Contains("workers[3].microgrid: 'MD-G1-M1' is not a microgrid of the worker's grid 'MD-G2'", problems);
    }

    [Fact]
    public void The_grid_holds_its_micro_grids_and_their_buildings()
    {
        Assert.Equal(MicrogridCity.Grid, Index.Find(MicrogridCity.Building(1, 2))!.Owner);
        Assert.Equal(MicrogridCity.Grid, Index.Find(MicrogridCity.Micro2)!.Owner);
        Assert.Equal(MicrogridCity.School, Index.Find(MicrogridCity.SchoolBuilding)!.Owner);
        Assert.Equal(["MW-2"], Index.WorkersOf(MicrogridCity.Micro1).Select(w => w.Id));
        Assert.Equal(3, Index.WorkersOf(MicrogridCity.Grid).Count);
    }

    [Fact]
    public void Patrol_targets_are_the_leaves_inside_grids()
    {
        // M1's two buildings, M2 (no buildings), the school's building.
        Assert.Equal(2, Index.PatrolTargetsOf(MicrogridCity.Micro1));
        Assert.Equal(1, Index.PatrolTargetsOf(MicrogridCity.Micro2));
        Assert.Equal(3, Index.PatrolTargetsOf(MicrogridCity.Grid));
        Assert.Equal(4, Index.PatrolTargetsOf(MicrogridCity.District));
        // Without micro-grids nothing changes: the test city's grids count their buildings, G6 itself.
        var plain = new TopologyIndex(TestCity.Build(), 1);
        Assert.Equal(3, plain.PatrolTargetsOf(TestCity.Grid(1, 1)));
        Assert.Equal(1, plain.PatrolTargetsOf(TestCity.Grid(1, 6)));
        Assert.Equal(32, plain.PatrolTargetsOf(TestCity.District));
    }

    [Fact]
    public void Escalation_climbs_past_micro_grids_to_the_grid()
    {
        var path = Index.Find(MicrogridCity.Building(1, 1))!.Path;
        Assert.Equal([MicrogridCity.District, MicrogridCity.Street, MicrogridCity.Community, MicrogridCity.Grid, MicrogridCity.Building(1, 1)], Index.Rungs(path));
        // A case at the micro-grid itself starts there and climbs to the grid.
        var micro = Index.Find(MicrogridCity.Micro2)!.Path;
        Assert.Equal(micro, Index.Rungs(micro));
    }

    [Fact]
    public void Depth_orders_the_micro_grid_between_grid_and_building()
    {
        Assert.Equal((4, 5, 6), (UnitLevel.Grid.Depth(), UnitLevel.Microgrid.Depth(), UnitLevel.Building.Depth()));
        Assert.True(UnitLevel.Microgrid.IsGridHeld());
    }
}
