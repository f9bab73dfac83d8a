using Hub.Grains.Model;
using Hub.Grains.Topology;
using Hub.Grains.Units;
using Hub.Tests.Support;

namespace Hub.Tests.Grains;

public class TopologyReplaceTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private async Task<UnitTally> Tally(string area) => (await _grains.GetGrain<IAreaGrain>(area).GetTally()).Tally;

    [Fact]
    public async Task A_moved_grid_leaves_its_old_parent_and_joins_the_new_one()
    {
        Assert.Equal(12, (await Tally(TestCity.Community(1))).Workers.Total);
        var moved = TestCity.Grid(2, 5);
        var city = TestCity.Build();
        var document = city with
        {
            Units = city.Units.Select(u => u.Code == moved ? u with { Parent = TestCity.Community(1) } : u).ToArray(),
        };
        var result = await _grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key).Replace(document);
        Assert.Empty(result.Errors);

        await Eventually.Within(TimeSpan.FromSeconds(2), () => Tally(TestCity.Community(1)), t => t.Workers.Total == 14, "new parent counts the grid's workers");
        await Eventually.Within(TimeSpan.FromSeconds(2), () => Tally(TestCity.Community(2)), t => t.Workers.Total == 10, "old parent forgets them");
        Assert.Equal(24, (await Tally(TestCity.City)).Workers.Total);
    }

    [Fact]
    public async Task An_invalid_replace_changes_nothing()
    {
        var topology = _grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key);
        var before = await topology.ReadWhole();
        var result = await topology.Replace(new TopologyDocument([new UnitSpec("X", "某街道", UnitLevel.Street, "NOPE")], [], []));
        Assert.NotEmpty(result.Errors);
        var after = await topology.ReadWhole();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Document.Units.Select(u => u.Code), after.Document.Units.Select(u => u.Code));
    }

    [Fact]
    public async Task Replacing_with_the_same_topology_is_a_no_op()
    {
        var topology = _grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key);
        var current = await topology.ReadWhole();
        var copy = new TopologyDocument([.. current.Document.Units], [.. current.Document.Workers], [.. current.Document.Devices], [.. current.Document.DepartmentList]);
        var result = await topology.Replace(copy);
        Assert.Empty(result.Errors);
        Assert.Equal(current.Version, result.Version);
        Assert.Equal(current.Version, await topology.GetVersion());
    }
}
