using Hub.Grains;
using Hub.Grains.Time;
using Hub.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Live;

/// <summary>The hub's wall clock, which a test may set forward (as an operator's NTP correction would).</summary>
public sealed class SettableTime : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
}

/// <summary>A hub whose clock for days and "now" can be set, so a midnight can be reached in seconds.</summary>
public sealed class DayTurnHost : HubHost
{
    public SettableTime Time { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddSingleton(provider => new HubClock(Time, provider.GetRequiredService<IOptions<HubOptions>>())));
    }
}

/// <summary>API.md §6–7 at midnight: today's figures start again, and the walls are told without any change.</summary>
public class DayTurnTests(DayTurnHost host) : IClassFixture<DayTurnHost>
{
    [Fact]
    public async Task When_the_day_turns_a_watched_unit_is_pushed_with_todays_figures_from_zero()
    {
        var clock = host.Services.GetRequiredService<HubClock>();
        var grid = TestCity.Grid(1, 3);
        await using var wall = await WallClient.Connect(host);
        await host.Api.Get("/api/v1/auth/me"); // signed in before the clock is set: little is left to do before midnight

        host.Time.Shift += clock.UntilNextDay() - TimeSpan.FromSeconds(6);
        var yesterday = clock.Today;
        await host.Api.Checkins(Checkin(TestCity.Worker(1, 3, 1), TestCity.Building(1, 3, 1), "patrol", clock.Now));
        var before = await wall.Watch(grid);
        Assert.Equal((1, 1), (before["today"]!["checkins"]!.GetValue<int>(), before["today"]!["patrolled"]!.GetValue<int>()));

        // Nothing else happens: the push comes from the day turning alone.
        var pushed = await Eventually.Within(TimeSpan.FromSeconds(40), () => Task.FromResult(wall.StatusesOf(grid)),
            s => s.Any(x => DateOnly.FromDateTime(x.Status["asOf"]!.GetValue<DateTimeOffset>().DateTime) > yesterday), "a status of the new day is pushed");
        var today = pushed[^1].Status["today"]!;
        Assert.Equal((0, 0), (today["checkins"]!.GetValue<int>(), today["patrolled"]!.GetValue<int>()));
        Assert.Equal(1, pushed[^1].Status["workers"]!["onDuty"]!.GetValue<int>());
    }
}
