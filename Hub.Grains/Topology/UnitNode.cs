using Hub.Grains.Model;

namespace Hub.Grains.Topology;

/// <summary>One unit of the tree, with what the index derived about it.</summary>
/// <param name="Grid">For a micro-grid or a building, the grid it lies in.</param>
public sealed record UnitNode(
    string Code, string Name, UnitLevel Level, string? Parent, IReadOnlyList<string> Children, IReadOnlyList<string> Path, string? Grid = null)
{
    /// <summary>The grain that holds this unit's alerts: its grid for grids, micro-grids and buildings, else itself.</summary>
    public string Owner => Level is UnitLevel.Microgrid or UnitLevel.Building ? Grid ?? Parent! : Code;
}
