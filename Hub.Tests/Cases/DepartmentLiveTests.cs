using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Cases;

/// <summary>
/// A department's wall: its user opens the live connection and hears the events of the cases its
/// department is summoned to, and nothing of the others; its list of open cases keeps a resolved
/// case until it is verified and closed.
/// </summary>
public class DepartmentLiveTests(HubHost host) : IClassFixture<HubHost>
{
    private const string Password = "department-pass-1";

    private async Task<string> DepartmentUser(string department)
    {
        var user = $"d-{Guid.NewGuid():N}"[..20];
        var created = await host.Api.Post("/api/v1/users", new { user, password = Password, role = "department", scope = TestCity.Street(1), department });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return user;
    }

    [Fact]
    public async Task A_department_user_hears_only_the_cases_summoned_to_their_department()
    {
        var police = await DepartmentUser(TestCity.Police(1));
        await using var wall = await WallClient.Connect(host, await host.Token(police, Password));
        var mine = await host.Api.Raise(Alert(TestCity.Grid(1, 1), severity: "major", category: "crowd"));
        var theirs = await host.Api.Raise(Alert(TestCity.Grid(1, 2), severity: "major", category: "crowd"));
        await host.Api.Post($"/api/v1/alerts/{mine}/ack", new { });
        await host.Api.Post($"/api/v1/alerts/{theirs}/ack", new { });
        await host.Api.Post($"/api/v1/alerts/{theirs}/dispatch", new { departments = new[] { TestCity.MarketRegulation(1) } });
        await host.Api.Post($"/api/v1/alerts/{mine}/dispatch", new { departments = new[] { TestCity.Police(1) } });
        var dispatched = await Eventually.Within(TimeSpan.FromSeconds(5), () => Task.FromResult(wall.EventsOf(mine)),
            events => events.Any(e => e.Event["kind"]!.GetValue<string>() == "dispatched"), "the summons reaches the department's wall");
        Assert.Equal([TestCity.Police(1)], dispatched.First(e => e.Event["kind"]!.GetValue<string>() == "dispatched").Event["departments"]!.AsArray()
            .Select(d => d!.GetValue<string>()));
        await host.Api.Post($"/api/v1/alerts/{mine}/report-in", new { department = TestCity.Police(1) });
        await Eventually.Within(TimeSpan.FromSeconds(5), () => Task.FromResult(wall.EventsOf(mine)),
            events => events.Any(e => e.Event["kind"]!.GetValue<string>() == "reported-in"), "its own report-in comes back");
        // The other case's events went by meanwhile; none reached this wall, nor did the raises before the summons.
        Assert.Empty(wall.EventsOf(theirs));
        Assert.DoesNotContain(wall.EventsOf(mine), e => e.Event["kind"]!.GetValue<string>() == "raised");
        // The unit views stay closed to a department's user.
        await Assert.ThrowsAnyAsync<Exception>(() => wall.Watch(TestCity.Street(1)));
    }

    [Fact]
    public async Task The_open_list_keeps_a_case_until_it_is_closed()
    {
        var id = await host.Api.Raise(Alert(TestCity.Grid(2, 1), severity: "minor", category: "dumping"));
        await host.Api.Post($"/api/v1/alerts/{id}/ack", new { });
        await host.Api.Post($"/api/v1/alerts/{id}/resolve", new { note = "已清理" });
        async Task<string?> StateIn(string filter) =>
            (await host.Api.Get($"/api/v1/alerts?unit={TestCity.Grid(2, 1)}&state={filter}")).Json["items"]!.AsArray()
                .SingleOrDefault(a => a!["id"]!.GetValue<string>() == id)?["state"]!.GetValue<string>();
        Assert.Equal("resolved", await Eventually.Within(TimeSpan.FromSeconds(5), () => StateIn("open"), s => s == "resolved", "resolved is still open"));
        Assert.Null(await StateIn("active"));
        await host.Api.Post($"/api/v1/alerts/{id}/verify", new { passed = true });
        Assert.Equal("verified", await Eventually.Within(TimeSpan.FromSeconds(5), () => StateIn("open"), s => s == "verified", "verified is still open"));
        await host.Api.Post($"/api/v1/alerts/{id}/close", new { });
        await Eventually.Within(TimeSpan.FromSeconds(5), () => StateIn("open"), s => s is null, "closed leaves the open list");
        var bad = await host.Api.Get("/api/v1/alerts?state=opened");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("open", bad.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
