using Hub.Grains.Units;

namespace Hub.Tests.Unit;

public class LostContactClockTests
{
    [Fact]
    public void At_the_default_half_hour_the_reminder_wakes_a_grid_every_five_minutes_within_orleans_minimum()
    {
        var after = TimeSpan.FromMinutes(30);
        Assert.Equal(TimeSpan.FromMinutes(5), LostContactClock.ReminderPeriod(after));
        Assert.Equal(TimeSpan.FromMinutes(1), LostContactClock.MinimumReminderPeriod(after));
        Assert.Equal(TimeSpan.FromSeconds(30), LostContactClock.TimerPeriod(after));
    }

    [Theory]
    [InlineData(2, 60)] // a quarter would be 30 s: a minute is Orleans' shortest for clocks of a minute or more
    [InlineData(4, 60)]
    [InlineData(8, 120)]
    [InlineData(40, 300)]
    public void The_reminder_looks_four_times_per_period_within_a_minute_and_five(double minutes, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), LostContactClock.ReminderPeriod(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void A_short_period_lowers_the_minimum_so_the_reminder_can_keep_up_but_never_below_a_second()
    {
        Assert.Equal(TimeSpan.FromSeconds(1.5), LostContactClock.MinimumReminderPeriod(TimeSpan.FromSeconds(6)));
        Assert.Equal(TimeSpan.FromSeconds(1.5), LostContactClock.ReminderPeriod(TimeSpan.FromSeconds(6)));
        Assert.Equal(TimeSpan.FromSeconds(1), LostContactClock.MinimumReminderPeriod(TimeSpan.FromSeconds(2)));
        Assert.True(LostContactClock.ReminderPeriod(TimeSpan.FromSeconds(2)) >= LostContactClock.MinimumReminderPeriod(TimeSpan.FromSeconds(2)));
    }
}
