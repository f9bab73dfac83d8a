using Hub.Grains.Model;

namespace Hub.Grains.Rollup;

/// <summary>
/// Sums of subtrees: a unit's tally is its own part plus its children's, each counted for today
/// (<see cref="Counted"/>: a child that has not reported since midnight adds nothing to today's figures).
/// </summary>
public static class TallyMath
{
    /// <summary>Two parts of a subtree together; <paramref name="a"/>'s day is the day of the sum.</summary>
    public static UnitTally Plus(UnitTally a, UnitTally b) => new(
        a.Alerts + b.Alerts,
        a.Workers + b.Workers,
        a.PatrolTargets + b.PatrolTargets,
        a.Today.Plus(b.Today),
        (a.Sources ?? SourceTimes.None).Latest(b.Sources));

    /// <summary>What a part counts for on <paramref name="today"/>: its day's figures only if they are today's.</summary>
    public static UnitTally Counted(UnitTally part, DateOnly today) =>
        part.Today.Day == today ? part : part with { Today = DayCounts.Zero(today) };
}
