using Hub.Grains.History;
using Hub.Grains.Patrol;
using Hub.Grains.Topology;

namespace Hub.Grains.Rollup;

/// <summary>Turns per-day history into the <c>/stats</c> answer: every day of the range, totals, rates.</summary>
public static class StatsComposer
{
    /// <param name="targets">The patrol targets of the subtree, each with its plan.</param>
    /// <param name="visits">Patrol visits per target and day over the range.</param>
    /// <param name="reworkBase">The denominator of 返工率 (<c>Hub:Cases:ReworkRateOf</c>).</param>
    public static UnitStats Compose(
        UnitNode node, DateOnly from, DateOnly to, IReadOnlyList<PatrolTarget> targets, IEnumerable<PatrolVisits> visits, IEnumerable<DayHistory> history,
        ReworkBase reworkBase = ReworkBase.Handled)
    {
        var byDay = history.ToDictionary(d => d.Day);
        var visited = visits.ToDictionary(v => (v.Target, v.Day), v => v.Visits);
        int VisitsOn(string target, DateOnly day) => visited.GetValueOrDefault((target, day));
        var days = new List<DayStats>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var patrol = PatrolRule.Period(targets, PatrolCadence.Daily, day, day, VisitsOn);
            days.Add(new DayStats(day, Figures(byDay.GetValueOrDefault(day) ?? DayHistory.Zero(day), patrol, reworkBase)));
        }
        var total = days.Select(d => byDay.GetValueOrDefault(d.Day) ?? DayHistory.Zero(d.Day)).Aggregate(DayHistory.Zero(from), (a, b) => a.Plus(b));
        return new UnitStats(node, from, to, Figures(total, PatrolRule.Range(targets, from, to, VisitsOn), reworkBase), days);
    }

    /// <summary>The figures of a span of history, its rates included (the same for stats and the assessment).</summary>
    /// <param name="patrol">The span's planned and done patrol visits (巡查计划).</param>
    public static StatsFigures Figures(DayHistory d, PatrolProgress patrol, ReworkBase reworkBase) => new(
        d.Raised,
        d.Handled,
        Rate.Of(d.Handled, d.Raised),
        d.OnTimeHandled,
        Rate.Of(d.OnTimeHandled, d.Raised),
        d.Closed,
        Rate.Of(d.Closed, d.Raised),
        d.Checkins,
        d.Patrols,
        patrol.Planned,
        patrol.Done,
        patrol.Rate)
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
