using System.Text.Json.Nodes;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Cases;

/// <summary>A hub that works 09:00–10:00 every day, except today and tomorrow, which are holidays.</summary>
public sealed class HolidayCalendarHost : HubHost
{
    public static DateOnly Today { get; } = DateOnly.FromDateTime(Now.DateTime);

    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Hub:Calendar:Enabled", "true"),
        new("Hub:Calendar:Hours:0", "09:00-10:00"),
        .. Enum.GetNames<DayOfWeek>().Select((day, i) => new KeyValuePair<string, string>($"Hub:Calendar:Weekdays:{i}", day)),
        new("Hub:Calendar:Holidays:0", Today.ToString("yyyy-MM-dd")),
        new("Hub:Calendar:Holidays:1", Today.AddDays(1).ToString("yyyy-MM-dd")),
    ];
}

/// <summary>工作时 (docs/API.md): limits other than critical count working time by <c>Hub:Calendar</c>; critical runs on the wall clock.</summary>
public class WorkingTimeTests(HolidayCalendarHost host) : IClassFixture<HolidayCalendarHost>
{
    private static JsonNode Stage(JsonNode alert) => alert["stage"]!;

    [Fact]
    public async Task A_minor_case_accepted_on_a_holiday_is_due_half_an_hour_into_the_next_working_day()
    {
        var id = await host.Api.Raise(Alert(TestCity.Grid(1, 1), severity: "minor", category: "dumping"));
        var accepted = (await host.Api.Post($"/api/v1/alerts/{id}/ack", new { })).Json;
        var workday = HolidayCalendarHost.Today.AddDays(2);
        Assert.Equal(new DateTimeOffset(workday.Year, workday.Month, workday.Day, 9, 30, 0, TimeSpan.FromHours(8)), Stage(accepted)["deadline"]!.GetValue<DateTimeOffset>());
        Assert.Equal(0.0, Stage(accepted)["used"]!.GetValue<double>());
        var timeline = (await host.Api.Get($"/api/v1/alerts/{id}")).Json["timeline"]!.AsArray();
        Assert.True(timeline[^1]!["workingTime"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_critical_case_runs_on_the_wall_clock_whatever_the_day()
    {
        var id = await host.Api.Raise(Alert(TestCity.Grid(1, 2), severity: "critical", category: "gas"));
        var accepted = (await host.Api.Post($"/api/v1/alerts/{id}/ack", new { })).Json;
        var since = Stage(accepted)["since"]!.GetValue<DateTimeOffset>();
        Assert.Equal(since.AddMinutes(10), Stage(accepted)["deadline"]!.GetValue<DateTimeOffset>());
        Assert.Null((await host.Api.Get($"/api/v1/alerts/{id}")).Json["timeline"]!.AsArray()[^1]!["workingTime"]);
    }
}
