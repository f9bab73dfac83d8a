using Hub.Grains.Model;

namespace Hub.Grains.Rollup;

/// <summary>Sums of subtrees.</summary>
public static class TallyMath
{
    /// <summary>
    /// The tally of a unit from its own part and its children's. A child whose figures are from an
    /// earlier day (it has not reported since midnight) contributes nothing to today's figures.
    /// </summary>
    public static UnitTally Sum(IEnumerable<UnitTally> parts, DateOnly today)
    {
        var alerts = AlertCounts.Zero;
        var workers = WorkerCounts.Zero;
        var targets = 0;
        var day = DayCounts.Zero(today);
        var sources = SourceTimes.None;
        foreach (var part in parts)
        {
            sources = sources.Latest(part.Sources);
            alerts += part.Alerts;
            workers += part.Workers;
            targets += part.PatrolTargets;
            if (part.Today.Day == today)
            {
                day = day.Plus(part.Today);
            }
        }
        return new UnitTally(alerts, workers, targets, day, sources);
    }
}
