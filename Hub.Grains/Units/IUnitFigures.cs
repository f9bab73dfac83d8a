using Hub.Grains.Model;

namespace Hub.Grains.Units;

/// <summary>What a unit grain computes from its own state for the parts it is made of.</summary>
public interface IUnitFigures
{
    /// <summary>The tally of this unit's whole subtree, with <paramref name="today"/>'s figures.</summary>
    UnitTally Tally(DateOnly today);

    /// <summary>The status of this unit, or of one of the units it holds; null for any other code.</summary>
    UnitStatus? StatusOf(string code);
}
