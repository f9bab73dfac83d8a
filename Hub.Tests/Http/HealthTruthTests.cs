using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Http;

/// <summary>A hub whose major cases must be dispatched within 2 seconds of being accepted, and minor ones within 10.</summary>
public sealed class ShortDispatchHost : HubHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
        [new("Hub:Sla:Stage:Dispatch:Major", "00:00:02"), new("Hub:Sla:Stage:Dispatch:Minor", "00:00:10")];
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

    [Fact]
    public async Task A_case_at_80_percent_of_its_limit_turns_its_unit_orange_before_it_is_late()
    {
        var grid = TestCity.Grid(2, 1);
        var id = await _api.Raise(Alert(grid, severity: "minor", category: "dumping"));
        Assert.Equal(HttpStatusCode.OK, (await _api.Post($"/api/v1/alerts/{id}/ack", new { })).Status);
        var calm = await Eventually.Within(TimeSpan.FromSeconds(2), () => _api.Status(grid), s => s["alerts"]!["unacknowledged"]!.GetValue<int>() == 0, "accepted");
        Assert.Equal(("yellow", 0), (calm["health"]!.GetValue<string>(), calm["alerts"]!["nearing"]!.GetValue<int>()));
        // 8 of its 10 seconds used: orange with no event to say so, two seconds before it is late.
        var near = await Eventually.Within(TimeSpan.FromSeconds(9.5), () => _api.Status(grid), s => s["health"]!.GetValue<string>() == "orange", "临期");
        Assert.Equal((1, 0), (near["alerts"]!["nearing"]!.GetValue<int>(), near["alerts"]!["overdue"]!.GetValue<int>()));
        await Eventually.Within(TimeSpan.FromSeconds(2), () => _api.Status(TestCity.Street(2)), s => s["alerts"]!["nearing"]!.GetValue<int>() == 1, "counted up the tree");
    }

    [Fact]
    public async Task Status_says_when_each_source_was_last_heard_from()
    {
        var grid = TestCity.Grid(2, 3);
        var before = await _api.Status(grid);
        Assert.Null(before["sources"]!["checkin"]);
        Assert.Null(before["sources"]!["alert"]);
        var checkedIn = Reports.Now.AddMinutes(-3);
        var reported = Reports.Now.AddMinutes(-1);
        await _api.Checkins(Checkin(TestCity.Worker(2, 3, 1), TestCity.Building(2, 3, 1), "patrol", at: checkedIn));
        await _api.Raise(Alert(TestCity.Building(2, 3, 2), severity: "warning", category: "parking", at: reported));
        var status = await Eventually.Within(TimeSpan.FromSeconds(3), () => _api.Status(grid),
            s => s["sources"]!["checkin"] is not null && s["sources"]!["alert"] is not null, "both sources heard of");
        Assert.Equal(checkedIn.ToUnixTimeMilliseconds(), DateTimeOffset.Parse(status["sources"]!["checkin"]!.GetValue<string>()).ToUnixTimeMilliseconds());
        Assert.Equal(reported.ToUnixTimeMilliseconds(), DateTimeOffset.Parse(status["sources"]!["alert"]!.GetValue<string>()).ToUnixTimeMilliseconds());
        Assert.EndsWith("+08:00", status["sources"]!["alert"]!.GetValue<string>(), StringComparison.Ordinal);
        // A building hears only of its own.
        var quiet = await _api.Status(TestCity.Building(2, 3, 3));
        Assert.Null(quiet["sources"]!["checkin"]);
    }
}

/// <summary>
/// A case past its handling limit (办结时限, counted from when it happened) is late however its
/// stage's clock reads: red for a major case, from the moment the limit runs out, on a hub with the
/// default limits.
/// </summary>
public class HandlingLimitTests(HubHost host) : IClassFixture<HubHost>
{
    [Fact]
    public async Task An_accepted_major_case_turns_its_unit_red_the_moment_its_handling_limit_runs_out()
    {
        var grid = TestCity.Grid(2, 4);
        // A major case must be handled within 4 hours; this one happened 4 hours less 3 seconds ago.
        var id = await host.Api.Raise(Alert(grid, severity: "major", category: "water", at: Reports.Now.AddHours(-4).AddSeconds(3)));
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Post($"/api/v1/alerts/{id}/ack", new { })).Status);
        var late = await Eventually.Within(TimeSpan.FromSeconds(8), () => host.Api.Status(grid), s => s["health"]!.GetValue<string>() == "red", "past its handling limit");
        Assert.Equal((1, 0), (late["alerts"]!["overdue"]!.GetValue<int>(), late["alerts"]!["unacknowledged"]!.GetValue<int>()));
        var listed = (await host.Api.Get($"/api/v1/alerts/{id}")).Json;
        Assert.True(listed["handleUsed"]!.GetValue<double>() >= 1);
    }
}
