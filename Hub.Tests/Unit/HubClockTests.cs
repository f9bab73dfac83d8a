using Hub.Grains;
using Hub.Grains.Time;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Tests.Unit;

public class HubClockTests
{
    private static HubClock Clock(DateTimeOffset utcNow, string zone = "Asia/Shanghai") =>
        new(new FakeTimeProvider(utcNow), Options.Create(new HubOptions { TimeZone = zone }));

    [Fact]
    public void Midnight_in_Shanghai_is_four_pm_utc()
    {
        var clock = Clock(DateTimeOffset.Parse("2026-11-22T16:00:00Z"));
        Assert.Equal(new DateOnly(2026, 11, 23), clock.Today);
        Assert.Equal(new DateOnly(2026, 11, 22), clock.DayOf(DateTimeOffset.Parse("2026-11-22T15:59:59.999Z")));
        Assert.Equal(new DateOnly(2026, 11, 23), clock.DayOf(DateTimeOffset.Parse("2026-11-22T16:00:00Z")));
    }

    [Fact]
    public void A_time_counts_toward_the_day_of_the_hub_zone_not_of_its_own_offset()
    {
        var clock = Clock(DateTimeOffset.Parse("2026-11-23T00:00:00Z"));
        // 23:30 in UTC-5 on the 22nd is 12:30 on the 23rd in Shanghai.
        Assert.Equal(new DateOnly(2026, 11, 23), clock.DayOf(DateTimeOffset.Parse("2026-11-22T23:30:00-05:00")));
    }

    [Fact]
    public void Now_is_shown_in_the_zone()
    {
        var clock = Clock(DateTimeOffset.Parse("2026-11-23T01:16:03Z"));
        Assert.Equal(TimeSpan.FromHours(8), clock.Now.Offset);
        Assert.Equal(9, clock.Now.Hour);
    }

    [Fact]
    public void Another_zone_moves_the_day_boundary()
    {
        var utc = DateTimeOffset.Parse("2026-11-23T03:00:00Z");
        Assert.Equal(new DateOnly(2026, 11, 23), Clock(utc).Today);
        Assert.Equal(new DateOnly(2026, 11, 22), Clock(utc, "America/New_York").Today);
    }

    [Fact]
    public void The_next_day_begins_at_the_zones_midnight()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), Clock(DateTimeOffset.Parse("2026-11-23T15:59:59Z")).UntilNextDay());
        Assert.Equal(TimeSpan.FromHours(24), Clock(DateTimeOffset.Parse("2026-11-23T16:00:00Z")).UntilNextDay());
    }

    [Fact]
    public void Where_the_clock_skips_midnight_the_day_begins_when_it_resumes()
    {
        // Santiago springs forward at midnight: on 2026-09-06, 00:00 local never happens; 01:00 (UTC-3) does.
        var clock = Clock(DateTimeOffset.Parse("2026-09-06T03:00:00Z"), "America/Santiago");
        Assert.Equal(new DateOnly(2026, 9, 5), clock.Today);
        Assert.Equal(TimeSpan.FromHours(1), clock.UntilNextDay());
    }
}
