using Hub.Grains.History;
using Hub.Grains.Topology;

namespace Hub.Grains.Rollup;

/// <summary>Turns per-day history into the <c>/stats</c> answer: every day of the range, totals, rates.</summary>
public static class StatsComposer
{
    /// <param name="targets">Patrol targets of the subtree (buildings, or grids without any), per day.</param>
    public static UnitStats Compose(UnitNode node, DateOnly from, DateOnly to, int targets, IEnumerable<DayHistory> history)
    {
        var byDay = history.ToDictionary(d => d.Day);
        var days = new List<DayStats>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days.Add(new DayStats(day, Figures(byDay.GetValueOrDefault(day) ?? DayHistory.Zero(day), targets)));
        }
        var total = days.Select(d => byDay.GetValueOrDefault(d.Day) ?? DayHistory.Zero(d.Day)).Aggregate(DayHistory.Zero(from), (a, b) => new DayHistory(
            from, a.Raised + b.Raised, a.Handled + b.Handled, a.OnTimeHandled + b.OnTimeHandled, a.Closed + b.Closed,
            a.Checkins + b.Checkins, a.Patrols + b.Patrols, a.Patrolled + b.Patrolled));
        return new UnitStats(node, from, to, Figures(total, targets * days.Count), days);
    }

    private static StatsFigures Figures(DayHistory d, int targets) => new(
        d.Raised,
        d.Handled,
        Rate.Of(d.Handled, d.Raised),
        d.OnTimeHandled,
        Rate.Of(d.OnTimeHandled, d.Raised),
        d.Closed,
        Rate.Of(d.Closed, d.Raised),
        d.Checkins,
        d.Patrols,
        targets,
        d.Patrolled,
        Rate.Of(d.Patrolled, targets));
}
