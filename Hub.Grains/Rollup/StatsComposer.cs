using Hub.Grains.History;
using Hub.Grains.Topology;

namespace Hub.Grains.Rollup;

/// <summary>Turns per-day history into the <c>/stats</c> answer: every day of the range, totals, rates.</summary>
public static class StatsComposer
{
    /// <param name="targets">Patrol targets of the subtree (buildings, or grids without any), per day.</param>
    /// <param name="reworkBase">The denominator of 返工率 (<c>Hub:Cases:ReworkRateOf</c>).</param>
    public static UnitStats Compose(UnitNode node, DateOnly from, DateOnly to, int targets, IEnumerable<DayHistory> history, ReworkBase reworkBase = ReworkBase.Handled)
    {
        var byDay = history.ToDictionary(d => d.Day);
        var days = new List<DayStats>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days.Add(new DayStats(day, Figures(byDay.GetValueOrDefault(day) ?? DayHistory.Zero(day), targets, reworkBase)));
        }
        var total = days.Select(d => byDay.GetValueOrDefault(d.Day) ?? DayHistory.Zero(d.Day)).Aggregate(DayHistory.Zero(from), (a, b) => a.Plus(b));
        return new UnitStats(node, from, to, Figures(total, targets * days.Count, reworkBase), days);
    }

    /// <summary>The figures of a span of history, its rates included (the same for stats and the assessment).</summary>
    public static StatsFigures Figures(DayHistory d, int targets, ReworkBase reworkBase) => new(
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
        Rate.Of(d.Patrolled, targets))
    {
        Rejected = d.Rejected,
        Reworked = d.Reworked,
        ReworkRate = Rate.Of(d.Reworked, reworkBase switch
        {
            ReworkBase.Raised => d.Raised,
            ReworkBase.Closed => d.Closed,
            _ => d.Handled,
        }),
        Rated = d.Rated,
        Satisfaction = d.Rated == 0 ? null : Math.Round((double)d.RatingSum / d.Rated, 2),
        Stages = StageFigures.Of(d.Stages),
    };
}
