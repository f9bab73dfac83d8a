using Hub.Grains.Topology;
using Hub.Tests.Support;

namespace Hub.Tests.Unit;

public class TopologyIndexTests
{
    private readonly TopologyIndex _index = new(TestCity.Build(), 1);

    [Fact]
    public void Path_runs_from_the_top_down_to_the_unit()
    {
        var node = _index.Find(TestCity.Building(2, 3, 1))!;
        Assert.Equal([TestCity.City, TestCity.District, TestCity.Street(2), TestCity.Community(2), TestCity.Grid(2, 3), TestCity.Building(2, 3, 1)], node.Path);
    }

    [Fact]
    public void A_building_is_held_by_its_grid_and_higher_units_by_themselves()
    {
        Assert.Equal(TestCity.Grid(1, 2), _index.Find(TestCity.Building(1, 2, 3))!.Owner);
        Assert.Equal(TestCity.Grid(1, 2), _index.Find(TestCity.Grid(1, 2))!.Owner);
        Assert.Equal(TestCity.Community(1), _index.Find(TestCity.Community(1))!.Owner);
    }

    [Fact]
    public void Subtree_membership()
    {
        Assert.True(_index.IsWithin(TestCity.Building(1, 1, 1), TestCity.Street(1)));
        Assert.True(_index.IsWithin(TestCity.Street(1), TestCity.Street(1)));
        Assert.False(_index.IsWithin(TestCity.Building(1, 1, 1), TestCity.Street(2)));
        Assert.False(_index.IsWithin("NOPE", TestCity.City));
    }

    [Fact]
    public void Children_workers_and_devices_are_indexed()
    {
        Assert.Equal(6, _index.Find(TestCity.Community(1))!.Children.Count);
        Assert.Empty(_index.Find(TestCity.Grid(1, 6))!.Children);
        Assert.Equal([TestCity.Worker(1, 2, 1), TestCity.Worker(1, 2, 2)], _index.WorkersOf(TestCity.Grid(1, 2)).Select(w => w.Id));
        Assert.Equal(TestCity.Building(1, 2, 1), _index.Device(TestCity.Smoke(1, 2))!.Unit);
        Assert.Equal([TestCity.City], _index.Tops);
    }
}
