using Hub.Grains.Patrol;

namespace Hub.Tests.Unit;

/// <summary>巡查率 = visits done / visits planned, per period of each target's cadence, at most the plan per target.</summary>
public class PatrolRuleTests
{
    // 2026-11-30 is a Monday; November has 30 days.
    private static readonly DateOnly Monday = new(2026, 11, 30);

    private static readonly PatrolPlan Weekly2 = new(PatrolCadence.Weekly, 2);

    [Fact]
    public void Weeks_run_monday_to_sunday_and_months_by_the_calendar()
    {
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)), PatrolPeriods.Of(PatrolCadence.Weekly, new DateOnly(2026, 11, 29)));
        Assert.Equal((Monday, new DateOnly(2026, 12, 6)), PatrolPeriods.Of(PatrolCadence.Weekly, Monday));
        Assert.Equal((Monday, new DateOnly(2026, 12, 6)), PatrolPeriods.Of(PatrolCadence.Weekly, new DateOnly(2026, 12, 6)));
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), PatrolPeriods.Of(PatrolCadence.Monthly, new DateOnly(2026, 2, 14)));
        Assert.Equal((Monday, Monday), PatrolPeriods.Of(PatrolCadence.Daily, Monday));
    }

    [Fact]
    public void Only_periods_wholly_inside_a_range_count()
    {
        // 2026-11-25 (Wed) .. 2026-12-13 (Sun): the weeks of 30 Nov and 7 Dec; no whole month.
        Assert.Equal([(Monday, new DateOnly(2026, 12, 6)), (new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 13))],
            PatrolPeriods.Within(PatrolCadence.Weekly, new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 13)));
        Assert.Empty(PatrolPeriods.Within(PatrolCadence.Monthly, new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 13)));
        Assert.Single(PatrolPeriods.Within(PatrolCadence.Monthly, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
        Assert.Equal(19, PatrolPeriods.Within(PatrolCadence.Daily, new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 13)).Count());
    }

    [Fact]
    public void A_weekly_target_visited_on_monday_is_done_for_the_week_and_extra_visits_do_not_count()
    {
        PatrolTarget[] targets = [new("A", Weekly2), new("B", Weekly2), new("C", PatrolPlan.Daily)];
        var visits = new Dictionary<(string, DateOnly), int> { [("A", Monday)] = 2, [("B", Monday)] = 5, [("C", Monday)] = 3 };
        int On(string t, DateOnly d) => visits.GetValueOrDefault((t, d));
        var (day, week, month) = PatrolRule.AsOf(targets, Monday.AddDays(3), On);
        Assert.Equal(new PatrolProgress(2, 4, 4), week); // A 2 of 2, B 5 capped to 2
        Assert.Equal(1.0, week.Rate);
        Assert.Equal(new PatrolProgress(1, 1, 0), day); // C not visited on Thursday
        Assert.Equal(PatrolProgress.None, month);
        Assert.Null(month.Rate);
        // On Monday itself C's three visits count once.
        Assert.Equal(new PatrolProgress(1, 1, 1), PatrolRule.AsOf(targets, Monday, On).Day);
    }

    [Fact]
    public void A_range_sums_each_cadence_over_its_periods_inside()
    {
        PatrolTarget[] targets = [new("D", PatrolPlan.Daily), new("W", Weekly2), new("M", new PatrolPlan(PatrolCadence.Monthly, 3))];
        var visits = new Dictionary<(string, DateOnly), int>();
        for (var d = new DateOnly(2026, 11, 1); d <= new DateOnly(2026, 11, 30); d = d.AddDays(1))
        {
            visits[("D", d)] = d.Day % 2; // every other day: 15 of 30
        }
        visits[("W", new DateOnly(2026, 11, 3))] = 1; // the week of 2 Nov: 1 of 2
        visits[("W", new DateOnly(2026, 11, 10))] = 2; // the week of 9 Nov: 2 of 2
        visits[("M", new DateOnly(2026, 11, 20))] = 4; // the month: 3 of 3
        int On(string t, DateOnly d) => visits.GetValueOrDefault((t, d));
        // November: 30 daily visits planned; whole weeks 2–8, 9–15, 16–22, 23–29 (4 × 2); one month (3).
        var november = PatrolRule.Range(targets, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), On);
        Assert.Equal(new PatrolProgress(30 + 4 + 1, 30 + 8 + 3, 15 + 3 + 3), november);
        Assert.Equal(0.5122, november.Rate);
    }
}
