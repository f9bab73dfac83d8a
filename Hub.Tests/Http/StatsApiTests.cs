using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Http;

/// <summary>API.md §6 <c>/stats</c>: whole days in Asia/Shanghai from durable history.</summary>
public abstract class StatsApiTests(HubHost host)
{
    private readonly Api _api = host.Api;
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Shanghai).DateTime);

    private static DateTimeOffset At(DateOnly day, int hour, int minute, int second = 0) =>
        new(day.ToDateTime(new TimeOnly(hour, minute, second)), Shanghai);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task Handle(string id, bool close)
    {
        Assert.Equal(HttpStatusCode.OK, (await _api.Post($"/api/v1/alerts/{id}/ack", new { })).Status);
        Assert.Equal(HttpStatusCode.OK, (await _api.Post($"/api/v1/alerts/{id}/resolve", new { note = "已处置" })).Status);
        if (close)
        {
            Assert.Equal(HttpStatusCode.OK, (await _api.Post($"/api/v1/alerts/{id}/verify", new { passed = true })).Status);
            Assert.Equal(HttpStatusCode.OK, (await _api.Post($"/api/v1/alerts/{id}/close", new { note = "结案" })).Status);
        }
    }

    private static void Figures(JsonNode f, int raised, int handled, int onTime, int closed, int checkins, int patrols, int targets, int patrolled)
    {
        Assert.Equal(
            (raised, handled, onTime, closed, checkins, patrols, targets, patrolled),
            (f["raised"]!.GetValue<int>(), f["handled"]!.GetValue<int>(), f["onTimeHandled"]!.GetValue<int>(), f["closed"]!.GetValue<int>(),
             f["checkins"]!.GetValue<int>(), f["patrols"]!.GetValue<int>(), f["patrolTargets"]!.GetValue<int>(), f["patrolled"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Whole_days_in_the_zone_with_rates_and_on_time_handling()
    {
        var yesterday = Today.AddDays(-1);
        var grid = TestCity.Grid(1, 1);
        var worker = TestCity.Worker(1, 1, 1);

        // Yesterday: a warning handled well inside its 72 h, a critical handled long after its 1 h, a major still open.
        var warning = await _api.Raise(Alert(grid, severity: "warning", category: "parking", at: At(yesterday, 12, 0)));
        var critical = await _api.Raise(Alert(grid, severity: "critical", category: "fire", device: TestCity.Camera(1, 1), at: At(yesterday, 12, 5)));
        await _api.Raise(Alert(grid, severity: "major", category: "crowd", at: At(yesterday, 12, 10)));
        // The same camera seeing fire again is a merge, not a new alert.
        Assert.Equal("merged", (await _api.Alerts(Alert(grid, severity: "critical", category: "fire", device: TestCity.Camera(1, 1), at: At(yesterday, 12, 20))))
            .Json["results"]![0]!["outcome"]!.GetValue<string>());
        await Handle(warning, close: true);
        await Handle(critical, close: false);
        // Today: a minor handled at once.
        await Handle(await _api.Raise(Alert(grid, severity: "minor", category: "dumping")), close: false);

        Assert.Equal(HttpStatusCode.Accepted, (await _api.Checkins(
            Checkin(worker, grid, "start", At(yesterday, 12, 0)),
            Checkin(worker, TestCity.Building(1, 1, 1), "patrol", At(yesterday, 12, 30)),
            Checkin(worker, TestCity.Building(1, 1, 2), "patrol", At(yesterday, 23, 59, 30)),
            Checkin(worker, TestCity.Building(1, 1, 1), "patrol", At(Today, 0, 0, 30)),
            Checkin(worker, grid, "patrol"))).Status);

        var stats = (await _api.Get($"/api/v1/units/{grid}/stats?from={Day(yesterday)}&to={Day(Today)}")).Json;
        Assert.Equal((grid, Day(yesterday), Day(Today)), (stats["code"]!.GetValue<string>(), stats["from"]!.GetValue<string>(), stats["to"]!.GetValue<string>()));
        var days = stats["days"]!.AsArray();
        Assert.Equal([Day(yesterday), Day(Today)], days.Select(d => d!["day"]!.GetValue<string>()));
        Figures(days[0]!, raised: 3, handled: 2, onTime: 1, closed: 1, checkins: 3, patrols: 2, targets: 3, patrolled: 2);
        Figures(days[1]!, raised: 1, handled: 1, onTime: 1, closed: 0, checkins: 2, patrols: 2, targets: 3, patrolled: 1);
        Figures(stats, raised: 4, handled: 3, onTime: 2, closed: 1, checkins: 5, patrols: 4, targets: 6, patrolled: 3);
        Assert.Equal((0.75, 0.5, 0.25, 0.5),
            (stats["handlingRate"]!.GetValue<double>(), stats["onTimeRate"]!.GetValue<double>(), stats["closedRate"]!.GetValue<double>(), stats["patrolRate"]!.GetValue<double>()));
        Assert.Equal(0.6667, days[0]!["handlingRate"]!.GetValue<double>());

        // The same history seen from the community: same counts, its own targets (16 a day).
        var community = (await _api.Get($"/api/v1/units/{TestCity.Community(1)}/stats?from={Day(yesterday)}&to={Day(Today)}")).Json;
        Figures(community, raised: 4, handled: 3, onTime: 2, closed: 1, checkins: 5, patrols: 4, targets: 32, patrolled: 3);
        var other = (await _api.Get($"/api/v1/units/{TestCity.Community(2)}/stats?from={Day(yesterday)}&to={Day(Today)}")).Json;
        Figures(other, raised: 0, handled: 0, onTime: 0, closed: 0, checkins: 0, patrols: 0, targets: 32, patrolled: 0);
        Assert.Null(other["handlingRate"]);
    }

    [Fact]
    public async Task Without_a_range_the_last_thirty_days_up_to_today()
    {
        var stats = (await _api.Get($"/api/v1/units/{TestCity.City}/stats")).Json;
        var days = stats["days"]!.AsArray();
        Assert.Equal(30, days.Count);
        Assert.Equal(Day(Today), days[^1]!["day"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("from=2026-02-30")]
    [InlineData("from=yesterday")]
    [InlineData("from=2026-11-23&to=2026-11-01")]
    [InlineData("from=2020-01-01&to=2026-11-01")]
    public async Task A_bad_range_is_400(string query)
    {
        var answer = await _api.Get($"/api/v1/units/{TestCity.City}/stats?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotEmpty(answer.Errors);
    }

    [Fact]
    public async Task An_unknown_unit_is_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get("/api/v1/units/NOPE/stats")).Status);
}

public sealed class StatsApiOnMemoryTests(HubHost host) : StatsApiTests(host), IClassFixture<HubHost>;

public sealed class StatsApiOnPostgresTests(PostgresHubHost host) : StatsApiTests(host), IClassFixture<PostgresHubHost>;
