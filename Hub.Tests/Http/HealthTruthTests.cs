using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Http;

/// <summary>A hub whose major cases must be dispatched within 2 seconds of being accepted.</summary>
public sealed class ShortDispatchHost : HubHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() => [new("Hub:Sla:Stage:Dispatch:Major", "00:00:02")];
}

/// <summary>
/// Health tells the truth (docs/API.md): an acknowledgement does not make a late case calm. An
/// accepted critical case keeps its unit orange; a major case past its limit turns it red, on the
/// status, on its parent's tile and in the counts. And the list sorts by importance.
/// </summary>
public class HealthTruthTests(ShortDispatchHost host) : IClassFixture<ShortDispatchHost>
{
    private readonly Api _api = host.Api;

    [Fact]
    public async Task An_acknowledged_case_past_its_limit_is_red_and_an_accepted_critical_one_orange()
    {
        var (late, critical) = (TestCity.Grid(1, 1), TestCity.Grid(1, 2));
        var major = await _api.Raise(Alert(late, severity: "major", category: "water"));
        var gas = await _api.Raise(Alert(critical, severity: "critical", category: "gas"));
        Assert.Equal(HttpStatusCode.OK, (await _api.Post($"/api/v1/alerts/{major}/ack", new { })).Status);
        Assert.Equal(HttpStatusCode.OK, (await _api.Post($"/api/v1/alerts/{gas}/ack", new { })).Status);
        // Accepted, within its limits: the critical case still keeps its grid orange.
        await Eventually.Within(TimeSpan.FromSeconds(2), () => _api.Status(critical), s => s["health"]!.GetValue<string>() == "orange", "an open critical case is no calm");
        // The major case's dispatch limit runs out: red, however acknowledged.
        var red = await Eventually.Within(TimeSpan.FromSeconds(6), () => _api.Status(late), s => s["health"]!.GetValue<string>() == "red", "past its limit");
        Assert.Equal((1, 0), (red["alerts"]!["overdue"]!.GetValue<int>(), red["alerts"]!["unacknowledged"]!.GetValue<int>()));
        var community = await Eventually.Within(TimeSpan.FromSeconds(2), () => _api.Status(TestCity.Community(1)),
            s => s["children"]!.AsArray().Any(c => c!["code"]!.GetValue<string>() == late && c["health"]!.GetValue<string>() == "red"), "the tile turns red");
        var tile = community["children"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == late)!;
        Assert.Equal(1, tile["alerts"]!["overdue"]!.GetValue<int>());
        Assert.Equal("red", community["health"]!.GetValue<string>());

        // The list by importance: the unacknowledged first, then the late one, then the rest by severity.
        var fresh = await _api.Raise(Alert(TestCity.Grid(1, 3), severity: "warning", category: "parking"));
        var listed = (await _api.Get($"/api/v1/alerts?unit={TestCity.Community(1)}&state=active&sort=importance")).Json["items"]!.AsArray()
            .Select(a => a!["id"]!.GetValue<string>()).ToArray();
        Assert.Equal([fresh, major, gas], listed.Where(id => id == fresh || id == major || id == gas));
        var byTime = (await _api.Get($"/api/v1/alerts?unit={TestCity.Community(1)}&state=active")).Json["items"]!.AsArray()
            .Select(a => a!["id"]!.GetValue<string>()).Where(id => id == fresh || id == major || id == gas);
        Assert.Equal([fresh, gas, major], byTime);
        var bad = await _api.Get("/api/v1/alerts?sort=loudest");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
    }
}
