using Hub.Grains.Model;
using Hub.Grains.Rollup;

namespace Hub.Tests.Unit;

public class TallyMathTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>The tally of parts taken together, as an area adds its children's: each counted for today, then added.</summary>
    internal static UnitTally Sum(IEnumerable<UnitTally> parts, DateOnly today) =>
        parts.Aggregate(UnitTally.Empty(today), (sum, part) => TallyMath.Plus(sum, TallyMath.Counted(part, today)));

    private static UnitTally Tally(DateOnly day, int active, int workers, int onDuty, int targets, int checkins, int patrolled, int raised, int handled, int offPlace = 0) =>
        new(AlertCounts.Zero with { Active = active, Unacknowledged = active }, new WorkerCounts(workers, onDuty, 0), targets,
            new DayCounts(day, checkins, patrolled, raised, handled, OffPlacePatrols: offPlace));

    [Fact]
    public void Sums_every_part()
    {
        var sum = Sum([Tally(Today, 1, 2, 1, 3, 10, 2, 4, 3, offPlace: 2), Tally(Today, 2, 3, 3, 1, 5, 1, 1, 1, offPlace: 1)], Today);
        Assert.Equal(3, sum.Alerts.Active);
        Assert.Equal(3, sum.Alerts.Unacknowledged);
        Assert.Equal(new WorkerCounts(5, 4, 0), sum.Workers);
        Assert.Equal(4, sum.PatrolTargets);
        Assert.Equal(new DayCounts(Today, 15, 3, 5, 4, OffPlacePatrols: 3), sum.Today);
    }

    [Fact]
    public void A_child_still_on_yesterday_adds_no_day_figures_but_keeps_its_targets_and_alerts()
    {
        var sum = Sum([Tally(Today.AddDays(-1), 1, 2, 1, 3, 10, 2, 4, 3), Tally(Today, 0, 1, 1, 1, 5, 1, 0, 0)], Today);
        Assert.Equal(1, sum.Alerts.Active);
        Assert.Equal(4, sum.PatrolTargets);
        Assert.Equal(new DayCounts(Today, 5, 1, 0, 0), sum.Today);
    }

    [Fact]
    public void The_sum_of_nothing_is_empty() => Assert.Equal(UnitTally.Empty(Today) with { }, Sum([], Today) with { });

    [Fact]
    public void Each_source_keeps_its_latest_time_across_parts_even_a_child_still_on_yesterday()
    {
        var at = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));
        var quiet = Tally(Today, 0, 0, 0, 0, 0, 0, 0, 0);
        var early = quiet with { Sources = new SourceTimes(at, at.AddHours(2)) };
        var late = Tally(Today.AddDays(-1), 0, 0, 0, 0, 0, 0, 0, 0) with { Sources = new SourceTimes(at.AddHours(1), null) };
        Assert.Equal(new SourceTimes(at.AddHours(1), at.AddHours(2)), Sum([early, quiet, late], Today).Sources);
    }

    [Fact]
    public void Escalation_counts_sum_per_level()
    {
        var a = AlertCounts.Zero with { Escalated = EscalationCounts.One(UnitLevel.Community) };
        var b = AlertCounts.Zero with { Escalated = EscalationCounts.One(UnitLevel.District) };
        var sum = Sum([UnitTally.Empty(Today) with { Alerts = a }, UnitTally.Empty(Today) with { Alerts = b }], Today);
        Assert.Equal(new EscalationCounts(0, 1, 0, 1, 0), sum.Alerts.Escalated);
    }
}
