using Hub.Grains.Model;

namespace Hub.Grains.Units;

/// <summary>
/// The figures a unit grain computes from its own state, asked for by its <see cref="UnitReporting"/>:
/// the tally it reports to its parent and the statuses it pushes to screens.
/// </summary>
public interface IUnitFigures
{
    /// <summary>The tally of this unit's whole subtree, with <paramref name="today"/>'s figures.</summary>
    UnitTally Tally(DateOnly today);

    /// <summary>The status of this unit, or of one of the units it holds; null for any other code.</summary>
    UnitStatus? StatusOf(string code);
}
