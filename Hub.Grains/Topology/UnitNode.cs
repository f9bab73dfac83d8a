using Hub.Grains.Model;

namespace Hub.Grains.Topology;

/// <summary>One unit of the tree, with what the index derived about it.</summary>
public sealed record UnitNode(string Code, string Name, UnitLevel Level, string? Parent, IReadOnlyList<string> Children, IReadOnlyList<string> Path)
{
    /// <summary>The grain that holds this unit's alerts: its grid for grids and buildings, else itself.</summary>
    public string Owner => Level switch
    {
        UnitLevel.Building => Parent!,
        _ => Code,
    };
}
