using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Http;

/// <summary>A hub whose acknowledgement SLAs are seconds, so that escalation can be watched in a test.</summary>
public sealed class QuickEscalationHost : HubHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Hub:Sla:Ack:Critical", "00:00:02"),
        new("Hub:Sla:Ack:Major", "00:00:03"),
    ];
}

public class EscalationTests(QuickEscalationHost host) : IClassFixture<QuickEscalationHost>
{
    private readonly Api _api = host.Api;

    private async Task<string?> EscalatedTo(string id) => (await _api.Get($"/api/v1/alerts/{id}")).Json["escalatedTo"]?.GetValue<string>();

    [Fact]
    public async Task An_unacknowledged_alert_climbs_one_level_per_period_and_stops_when_acknowledged()
    {
        var id = await _api.Raise(Alert(TestCity.Building(1, 1, 1), severity: "critical", category: "fire"));
        Assert.Null(await EscalatedTo(id));

        await Eventually.Within(TimeSpan.FromSeconds(10), () => EscalatedTo(id), u => u == TestCity.Grid(1, 1), "climbs to the grid");
        var grid = await _api.Status(TestCity.Grid(1, 1));
        Assert.Equal((1, "red"), (grid["alerts"]!["escalated"]!.GetValue<int>(), grid["health"]!.GetValue<string>()));
        Assert.Equal(0, (await _api.Status(TestCity.Community(1)))["alerts"]!["escalated"]!.GetValue<int>());

        await Eventually.Within(TimeSpan.FromSeconds(10), () => EscalatedTo(id), u => u == TestCity.Community(1), "then to the community");
        await Eventually.Within(TimeSpan.FromSeconds(2), () => _api.Status(TestCity.Community(1)),
            s => s["alerts"]!["escalated"]!.GetValue<int>() == 1, "the community counts it");
        Assert.Equal(0, (await _api.Status(TestCity.Street(1)))["alerts"]!["escalated"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.OK, (await _api.Post($"/api/v1/alerts/{id}/ack", new { note = "收到" })).Status);
        var where = await EscalatedTo(id);
        await Eventually.Within(TimeSpan.FromSeconds(2), () => _api.Status(TestCity.Community(1)),
            s => s["alerts"]!["escalated"]!.GetValue<int>() == 0, "an acknowledged alert no longer counts as escalated");
        // The control: raised now, it climbs after one period; by then the acknowledged one would have climbed again.
        var control = await _api.Raise(Alert(TestCity.Building(1, 1, 2), severity: "critical", category: "smoke"));
        await Eventually.Within(TimeSpan.FromSeconds(10), () => EscalatedTo(control), u => u is not null, "the control climbs");
        Assert.Equal(where, await EscalatedTo(id));

        var audit = (await _api.Get($"/api/v1/alerts/{id}")).Json["audit"]!.AsArray();
        var climbs = audit.Where(a => a!["action"]!.GetValue<string>() == "escalated").Select(a => a!["note"]!.GetValue<string>()).ToArray();
        Assert.Equal(TestCity.Grid(1, 1), climbs[0]);
        Assert.Equal(TestCity.Community(1), climbs[1]);
        Assert.All(audit.Where(a => a!["action"]!.GetValue<string>() == "escalated"), a => Assert.Equal("hub", a!["by"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_warning_never_escalates()
    {
        var warning = await _api.Raise(Alert(TestCity.Grid(2, 1), severity: "warning"));
        var major = await _api.Raise(Alert(TestCity.Grid(2, 1), severity: "major"));
        // The major alert is the clock: once it has climbed, the warning had as long.
        await Eventually.Within(TimeSpan.FromSeconds(10), () => EscalatedTo(major), u => u == TestCity.Community(2), "the major alert climbs");
        Assert.Null(await EscalatedTo(warning));
    }
}
