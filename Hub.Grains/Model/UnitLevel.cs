namespace Hub.Grains.Model;

/// <summary>Levels of the governance tree, top to bottom; the numeric value is the depth.</summary>
public enum UnitLevel
{
    City = 0,
    District = 1,
    Street = 2,
    Community = 3,
    Grid = 4,
    Building = 5,
}

public static class UnitLevels
{
    public static int Depth(this UnitLevel level) => (int)level;

    /// <summary>Grids and buildings are held by a grid grain; higher units by an area grain.</summary>
    public static bool IsGridHeld(this UnitLevel level) => level >= UnitLevel.Grid;
}
