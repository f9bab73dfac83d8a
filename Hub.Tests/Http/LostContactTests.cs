using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Http;

/// <summary>A hub whose workers are lost contact after six seconds of silence, so the rule can be watched in a test.</summary>
public sealed class QuickLostContactHost : HubHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() => [new("Hub:LostContactMinutes", "0.1")];
}

public class LostContactTests(QuickLostContactHost host) : IClassFixture<QuickLostContactHost>
{
    private readonly Api _api = host.Api;

    [Fact]
    public async Task A_silent_worker_on_duty_raises_an_alert_that_their_next_check_in_clears()
    {
        var grid = TestCity.Grid(1, 1);
        var worker = TestCity.Worker(1, 1, 1);
        Assert.Equal(HttpStatusCode.Accepted, (await _api.Checkins(Checkin(worker, grid, "start"))).Status);

        var lost = await Eventually.Within(TimeSpan.FromSeconds(20), () => _api.Status(grid),
            s => s["workers"]!["lostContact"]!.GetValue<int>() == 1, "the worker is lost contact");
        Assert.Equal("orange", lost["health"]!.GetValue<string>());
        var items = (await _api.Get($"/api/v1/alerts?unit={grid}&state=active")).Json["items"]!.AsArray();
        var alert = Assert.Single(items)!;
        Assert.Equal(("worker-lost-contact", "major", "hub", grid),
            (alert["category"]!.GetValue<string>(), alert["severity"]!.GetValue<string>(), alert["source"]!.GetValue<string>(), alert["unit"]!.GetValue<string>()));
        Assert.Contains("张伟", alert["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, lost["today"]!["raised"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.Accepted, (await _api.Checkins(Checkin(worker, TestCity.Building(1, 1, 1), "patrol"))).Status);
        var back = await _api.Status(grid);
        Assert.Equal(0, back["workers"]!["lostContact"]!.GetValue<int>());
        var cleared = (await _api.Get($"/api/v1/alerts/{alert["id"]}")).Json;
        Assert.True(cleared["cleared"]!.GetValue<bool>());
        Assert.True(cleared["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_worker_off_duty_is_never_lost_contact()
    {
        var grid = TestCity.Grid(2, 2);
        var offDuty = TestCity.Worker(2, 2, 1);
        var onDuty = TestCity.Worker(2, 2, 2);
        await _api.Checkins(Checkin(offDuty, grid, "start", Now.AddSeconds(-2)), Checkin(offDuty, grid, "end"), Checkin(onDuty, grid, "start"));

        // The colleague who stayed on duty is the control: once they are lost contact, enough time has passed.
        var status = await Eventually.Within(TimeSpan.FromSeconds(20), () => _api.Status(grid),
            s => s["workers"]!["lostContact"]!.GetValue<int>() >= 1, "the colleague on duty is lost contact");
        Assert.Equal((1, 1), (status["workers"]!["onDuty"]!.GetValue<int>(), status["workers"]!["lostContact"]!.GetValue<int>()));
        var alert = Assert.Single((await _api.Get($"/api/v1/alerts?unit={grid}")).Json["items"]!.AsArray())!;
        Assert.Contains("李娜", alert["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
