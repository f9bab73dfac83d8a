using System.Net;
using Hub.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Live;

/// <summary>A hub whose major alerts escalate after 2 s, so every kind of lifecycle event can be seen.</summary>
public sealed class LiveHost : HubHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() => [new("Hub:Sla:Ack:Major", "00:00:02")];
}

/// <summary>API.md §7 through the official SignalR client.</summary>
public class WallHubTests(LiveHost host) : IClassFixture<LiveHost>
{
    private readonly Api _api = host.Api;

    [Fact]
    public async Task Watch_answers_the_status_snapshot_and_an_unknown_unit_is_refused()
    {
        await using var wall = await WallClient.Connect(host);
        var snapshot = await wall.Watch(TestCity.Community(1));
        var http = await _api.Status(TestCity.Community(1));
        Assert.Equal(http["name"]!.GetValue<string>(), snapshot["name"]!.GetValue<string>());
        Assert.Equal(http["workers"]!.ToJsonString(), snapshot["workers"]!.ToJsonString());
        Assert.Equal(6, snapshot["children"]!.AsArray().Count);
        var refused = await Assert.ThrowsAsync<HubException>(() => wall.Watch("NOPE"));
        Assert.Contains("NOPE", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_is_pushed_within_a_second()
    {
        var grid = TestCity.Grid(1, 2);
        await using var wall = await WallClient.Connect(host);
        await wall.Watch(grid);
        var sent = wall.Now;
        Assert.Equal(HttpStatusCode.Accepted, (await _api.Checkins(Checkin(TestCity.Worker(1, 2, 1), TestCity.Building(1, 2, 1), "patrol"))).Status);
        var pushed = await Eventually.Within(TimeSpan.FromSeconds(2), () => Task.FromResult(wall.StatusesOf(grid)),
            s => s.Any(x => x.Status["today"]!["patrolled"]!.GetValue<int>() == 1), "the patrol is pushed");
        Assert.InRange(pushed.First(x => x.Status["today"]!["patrolled"]!.GetValue<int>() == 1).At - sent, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_flood_of_changes_is_pushed_at_most_four_times_a_second_and_the_last_within_a_second()
    {
        var grid = TestCity.Grid(1, 3);
        await using var wall = await WallClient.Connect(host);
        await wall.Watch(grid);
        var started = wall.Now;
        var sent = 0;
        while (wall.Now - started < TimeSpan.FromSeconds(2.5))
        {
            await _api.Checkins(Checkin(TestCity.Worker(1, 3, 1 + (sent % 2)), TestCity.Building(1, 3, 1 + (sent % 3)), "patrol"));
            sent++;
        }
        var lastChange = wall.Now;
        await Eventually.Within(TimeSpan.FromSeconds(1), () => Task.FromResult(wall.StatusesOf(grid)),
            s => s.Count > 0 && s[^1].Status["today"]!["checkins"]!.GetValue<int>() == sent, "the final count is pushed within a second of the last change");
        await Task.Delay(UnitPushSpacing * 2);

        var pushes = wall.StatusesOf(grid).Where(s => s.At >= started).Select(s => s.At).ToArray();
        Assert.True(pushes.Length >= 5, $"{pushes.Length} pushes for {sent} changes during {(lastChange - started).TotalSeconds:0.0} s");
        foreach (var at in pushes)
        {
            var inOneSecond = pushes.Count(p => p >= at && p < at + TimeSpan.FromSeconds(1));
            Assert.True(inOneSecond <= 4, $"{inOneSecond} pushes within one second");
        }
    }

    private static TimeSpan UnitPushSpacing => Hub.Grains.Units.UpdateThrottle.PushSpacing;

    [Fact]
    public async Task A_critical_raise_reaches_a_watching_district_within_500_ms_with_its_whole_path()
    {
        await using var wall = await WallClient.Connect(host);
        await wall.Watch(TestCity.District);
        var sent = wall.Now;
        var id = await _api.Raise(Alert(TestCity.Building(2, 1, 2), severity: "critical", category: "fire"));
        var raised = await Eventually.Within(TimeSpan.FromSeconds(2), () => Task.FromResult(wall.EventsOf(id)), e => e.Count > 0, "the raise is pushed");
        Assert.InRange(raised[0].At - sent, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
        var e = raised[0].Event;
        Assert.Equal(("raised", "critical", "fire", "raised"), (e["kind"]!.GetValue<string>(), e["severity"]!.GetValue<string>(), e["category"]!.GetValue<string>(), e["state"]!.GetValue<string>()));
        Assert.Equal([TestCity.City, TestCity.District, TestCity.Street(2), TestCity.Community(2), TestCity.Grid(2, 1), TestCity.Building(2, 1, 2)],
            e["path"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("测试市", e["pathNames"]![0]!.GetValue<string>());
        Assert.Equal(TestCity.Building(2, 1, 2), e["unit"]!.GetValue<string>());
        Assert.Equal(SignIn.AdminUser, e["by"]!.GetValue<string>()); // the sender (here an admin by hand), not the free-text source
        await Eventually.Within(TimeSpan.FromSeconds(2), () => Task.FromResult(wall.StatusesOf(TestCity.District)),
            s => s.Any(x => x.Status["health"]!.GetValue<string>() == "red"), "the district turns red on screen");
    }

    [Fact]
    public async Task Every_lifecycle_change_is_an_event_and_ack_over_the_hub_follows_the_rules()
    {
        await using var wall = await WallClient.Connect(host);
        await wall.Watch(TestCity.Community(2));
        var camera = TestCity.Camera(2, 2);
        var id = await _api.Raise(Alert(TestCity.Grid(2, 2), severity: "major", category: "crowd", device: camera));
        await _api.Alerts(Alert(TestCity.Grid(2, 2), severity: "major", category: "crowd", device: camera));
        await Eventually.Within(TimeSpan.FromSeconds(10), () => Task.FromResult(wall.EventsOf(id)),
            e => e.Any(x => x.Event["kind"]!.GetValue<string>() == "escalated"), "an unacknowledged major alert escalates");
        await _api.Post($"/api/v1/alerts/{id}/clear", null);

        var acked = await wall.Connection.InvokeAsync<System.Text.Json.JsonElement>("Ack", id, "值班员收到");
        Assert.Equal(200, acked.GetProperty("status").GetInt32());
        Assert.Equal("acknowledged", acked.GetProperty("alert").GetProperty("state").GetString());
        var again = await wall.Connection.InvokeAsync<System.Text.Json.JsonElement>("Ack", id, "我也收到");
        Assert.Equal(409, again.GetProperty("status").GetInt32());
        Assert.Contains("acknowledged", again.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(404, (await wall.Connection.InvokeAsync<System.Text.Json.JsonElement>("Ack", "AL-NOPE", "")).GetProperty("status").GetInt32());

        await _api.Post($"/api/v1/alerts/{id}/dispatch", new { assignee = "张伟", note = "请到场" });
        await _api.Post($"/api/v1/alerts/{id}/resolve", new { note = "已处置" });
        await _api.Post($"/api/v1/alerts/{id}/verify", new { passed = true, note = "核查通过" });
        await _api.Post($"/api/v1/alerts/{id}/close", new { note = "结案" });

        var kinds = await Eventually.Within(TimeSpan.FromSeconds(2),
            () => Task.FromResult(wall.EventsOf(id).Select(e => e.Event["kind"]!.GetValue<string>()).ToArray()),
            k => k.Contains("closed"), "the close arrives");
        foreach (var kind in new[] { "raised", "merged", "escalated", "cleared", "acknowledged", "dispatched", "resolved", "closed" })
        {
            Assert.Contains(kind, kinds);
        }
        var last = wall.EventsOf(id)[^1].Event;
        Assert.Equal("closed", last["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_unwatch_nothing_more_arrives_for_that_unit()
    {
        var grid = TestCity.Grid(1, 4);
        await using var wall = await WallClient.Connect(host);
        await wall.Watch(grid);
        await wall.Connection.InvokeAsync("Unwatch", grid);
        await wall.Watch(TestCity.Grid(1, 5)); // the control: a unit still watched
        await _api.Checkins(Checkin(TestCity.Worker(1, 4, 1), grid, "start"), Checkin(TestCity.Worker(1, 5, 1), TestCity.Grid(1, 5), "start"));
        await Eventually.Within(TimeSpan.FromSeconds(2), () => Task.FromResult(wall.StatusesOf(TestCity.Grid(1, 5))), s => s.Count > 0, "the control is pushed");
        await Task.Delay(UnitPushSpacing * 2);
        Assert.Empty(wall.StatusesOf(grid));
    }
}
