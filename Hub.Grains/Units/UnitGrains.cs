using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Grains.Units;

/// <summary>Which grain holds a unit: grids hold themselves and their buildings; areas hold themselves.</summary>
public static class UnitGrains
{
    public static IUnitGrain Of(IGrainFactory grains, UnitNode node) =>
        node.Level.IsGridHeld() ? grains.GetGrain<IGridGrain>(node.Owner) : grains.GetGrain<IAreaGrain>(node.Code);

    public static IUnitGrain? Holder(IGrainFactory grains, TopologyIndex index, string code) =>
        index.Find(code) is { } node ? Of(grains, node) : null;
}
