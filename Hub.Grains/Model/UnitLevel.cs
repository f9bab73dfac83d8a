namespace Hub.Grains.Model;

/// <summary>
/// Levels of the governance tree. The numeric values are stored: the micro-grid (微网格), between
/// grid and building, came later and takes the next number; <see cref="UnitLevels.Depth"/> gives
/// the order in the tree.
/// </summary>
public enum UnitLevel
{
    City = 0,
    District = 1,
    Street = 2,
    Community = 3,
    Grid = 4,
    Building = 5,

    /// <summary>微网格: part of a grid, 30–50 households, one part-time worker; optional.</summary>
    Microgrid = 6,
}

public static class UnitLevels
{
    /// <summary>How deep the level lies in the tree: city 0 … grid 4, micro-grid 5, building 6.</summary>
    public static int Depth(this UnitLevel level) => level switch
    {
        UnitLevel.Microgrid => 5,
        UnitLevel.Building => 6,
        _ => (int)level,
    };

    /// <summary>Grids and what lies in them (micro-grids, buildings) are held by a grid grain; higher units by an area grain.</summary>
    public static bool IsGridHeld(this UnitLevel level) => level is UnitLevel.Grid or UnitLevel.Microgrid or UnitLevel.Building;

    /// <summary>The levels a unit of <paramref name="level"/> may hang under: a building under a grid or a micro-grid, the rest one level up.</summary>
    public static bool MayHangUnder(this UnitLevel level, UnitLevel parent) => level switch
    {
        UnitLevel.Building => parent is UnitLevel.Grid or UnitLevel.Microgrid,
        UnitLevel.Microgrid => parent == UnitLevel.Grid,
        _ => parent.Depth() == level.Depth() - 1,
    };
}
