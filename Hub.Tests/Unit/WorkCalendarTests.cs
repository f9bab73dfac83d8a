using Hub.Grains;
using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Time;

namespace Hub.Tests.Unit;

/// <summary>工作时/工作日: working periods, weekends, holidays and swapped working days, exact to the tick.</summary>
public class WorkCalendarTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // 2026-09-25 is a Friday; 2026-10-01..07 the National Day holiday; Saturday 2026-10-10 is worked in exchange.
    private static readonly WorkCalendar Calendar = new(new CalendarOptions
    {
        Enabled = true,
        Holidays = [.. Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d))],
        Workdays = [new DateOnly(2026, 10, 10)],
    }, Shanghai);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_working_day_is_the_sum_of_its_periods() => Assert.Equal(TimeSpan.FromHours(7), Calendar.DayLength);

    [Fact]
    public void Lunch_and_the_night_do_not_count()
    {
        Assert.Equal(TimeSpan.FromHours(1.5), Calendar.Between(At(9, 24, 11), At(9, 24, 14)));
        Assert.Equal(At(9, 24, 14), Calendar.Add(At(9, 24, 11), TimeSpan.FromHours(1.5)));
        Assert.Equal(TimeSpan.FromHours(1), Calendar.Between(At(9, 24, 17), At(9, 25, 9, 30)));
        Assert.Equal(TimeSpan.Zero, Calendar.Between(At(9, 24, 18), At(9, 24, 22)));
        Assert.Equal(TimeSpan.Zero, Calendar.Between(At(9, 24, 12), At(9, 24, 11)));
    }

    [Fact]
    public void A_limit_reported_at_night_starts_counting_at_nine()
    {
        Assert.Equal(At(9, 24, 12), Calendar.Add(At(9, 23, 22), TimeSpan.FromHours(3)));
        Assert.Equal(At(9, 24, 14, 30), Calendar.Add(At(9, 23, 22), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void Weekends_and_holidays_are_skipped_and_a_swapped_saturday_is_worked()
    {
        // Friday 17:00 + 1 working hour: Monday 09:30.
        Assert.Equal(At(9, 28, 9, 30), Calendar.Add(At(9, 25, 17), TimeSpan.FromHours(1)));
        // Wednesday 30 September 17:00 + 1 working hour: the holiday week and Sunday the 4th off,
        // Thursday the 8th is the next working day.
        Assert.Equal(At(10, 8, 9, 30), Calendar.Add(At(9, 30, 17), TimeSpan.FromHours(1)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 10, 11)));
        Assert.Equal(TimeSpan.FromHours(7), Calendar.Between(At(10, 10, 0), At(10, 11, 23)));
    }

    [Fact]
    public void Days_of_a_limit_are_working_days_and_the_rest_working_hours()
    {
        Assert.Equal(TimeSpan.FromHours(7 + 4), Calendar.WorkingLength(new TimeSpan(1, 4, 0, 0)));
        // 1 working day from Thursday 10:00: Friday 10:00.
        var limit = new CaseLimit(TimeSpan.FromDays(1), Calendar);
        Assert.Equal(At(9, 25, 10), limit.Point(At(9, 24, 10)));
        Assert.Equal(1.0, limit.Share(At(9, 24, 10), At(9, 25, 10)));
        Assert.False(limit.Kept(At(9, 24, 10), At(9, 25, 10)));
        Assert.True(limit.Kept(At(9, 24, 10), At(9, 25, 9, 59)));
    }

    [Fact]
    public void Yellow_and_red_come_when_their_working_shares_run_out()
    {
        // Thursday 11:00, a 2-working-hour limit: 100 % at 14:30 (after lunch), 150 % at 15:30.
        var limit = new CaseLimit(TimeSpan.FromHours(2), Calendar);
        var since = At(9, 24, 11);
        Assert.Equal(At(9, 24, 14, 30), StageClock.NextAt(since, limit, 0));
        Assert.Equal(At(9, 24, 15, 30), StageClock.NextAt(since, limit, 1));
        var acknowledged = new AlertSummary("a", "s", "1", "g", "g", ["g"], null, "dumping", Severity.Minor, null, null, since, since, 1,
            AlertState.Acknowledged, false, null, null, "x", since, 1);
        Assert.Equal(0, StageClock.Read(acknowledged, since, limit, At(9, 24, 14, 29))!.Supervision);
        Assert.Equal(1, StageClock.Read(acknowledged, since, limit, At(9, 24, 14, 30))!.Supervision);
        // The lunch break passes without the clock moving on.
        Assert.Equal(0.5, StageClock.Read(acknowledged, since, limit, At(9, 24, 13))!.Used);
    }

    [Fact]
    public void The_documented_example_holds()
    {
        // docs/API.md: accepted Wednesday 22:00, a 3-hour limit: due Thursday 12:00, red at 15:00.
        var limit = new CaseLimit(TimeSpan.FromHours(3), Calendar);
        Assert.Equal(At(9, 24, 12), StageClock.NextAt(At(9, 23, 22), limit, 0));
        Assert.Equal(At(9, 24, 15), StageClock.NextAt(At(9, 23, 22), limit, 1));
    }

    [Fact]
    public void Critical_cases_run_on_the_wall_clock_the_others_in_working_time()
    {
        var limits = new CaseLimits(new SlaOptions(), Calendar);
        Assert.False(limits.Of(CaseStage.Dispatch, Severity.Critical)!.Working);
        Assert.True(limits.Of(CaseStage.Dispatch, Severity.Minor)!.Working);
        Assert.Equal(At(9, 24, 22, 10), limits.Of(CaseStage.Dispatch, Severity.Critical)!.Point(At(9, 24, 22)));
        Assert.Equal(At(9, 25, 9, 30), limits.Of(CaseStage.Dispatch, Severity.Minor)!.Point(At(9, 24, 22)));
        Assert.False(new CaseLimits(new SlaOptions()).Of(CaseStage.Dispatch, Severity.Minor)!.Working);
    }

    [Theory]
    [InlineData("9:00-12:00")]
    [InlineData("12:00-09:00")]
    [InlineData("09:00-12:00,13:00-14:00")]
    public void A_period_that_is_not_one_is_named(string period)
    {
        var problems = WorkCalendar.Problems(new CalendarOptions { Hours = [period] });
        Assert.Contains(problems, p => p.Contains(period, StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new WorkCalendar(new CalendarOptions { Hours = [period] }, Shanghai));
    }

    [Fact]
    public void Overlapping_periods_and_an_empty_week_are_refused()
    {
        Assert.Contains(WorkCalendar.Problems(new CalendarOptions { Hours = ["09:00-12:00", "11:00-13:00"] }), p => p.Contains("overlap", StringComparison.Ordinal));
        Assert.NotEmpty(WorkCalendar.Problems(new CalendarOptions { Weekdays = [] }));
        Assert.Empty(WorkCalendar.Problems(new CalendarOptions()));
    }
}
