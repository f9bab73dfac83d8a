using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Cases;

/// <summary>督办 by a leader (docs/API.md): a case pressed on one level at a time, with the leader's words, into the loop's supervision and cards.</summary>
public class LeaderSupervisionTests(HubHost host) : IClassFixture<HubHost>
{
    [Fact]
    public async Task A_leader_presses_a_case_on_to_yellow_then_red_and_no_further()
    {
        Assert.Equal(HttpStatusCode.Created, (await host.Api.Post("/api/v1/users",
            new { user = "lead-sup", password = "leader-password-9", role = "leader", scope = TestCity.Street(2) })).Status);
        var leader = host.As("lead-sup", "leader-password-9");
        var id = await host.Api.Raise(Alert(TestCity.Grid(2, 5), severity: "minor", category: "dumping"));
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Post($"/api/v1/alerts/{id}/ack", new { })).Status);

        var silent = await leader.Post($"/api/v1/alerts/{id}/supervise", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, silent.Status);
        Assert.Contains("$.note: required", silent.Errors);

        var yellow = await leader.Post($"/api/v1/alerts/{id}/supervise", new { note = "请今日内处置" });
        Assert.Equal(HttpStatusCode.OK, yellow.Status);
        Assert.Equal((1, "acknowledged"), (yellow.Json["stage"]!["supervision"]!.GetValue<int>(), yellow.Json["state"]!.GetValue<string>()));
        var line = yellow.Json["audit"]!.AsArray().Last()!;
        Assert.Equal(("supervised", "lead-sup", "请今日内处置"), (line["action"]!.GetValue<string>(), line["by"]!.GetValue<string>(), line["note"]!.GetValue<string>()));

        var red = await leader.Post($"/api/v1/alerts/{id}/supervise", new { note = "提级督办" });
        Assert.Equal((2, TestCity.Community(2)), (red.Json["stage"]!["supervision"]!.GetValue<int>(), red.Json["stage"]!["supervisedTo"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, (await leader.Post($"/api/v1/alerts/{id}/supervise", new { note = "再督办" })).Status);

        // Pressed on, the case counts as overdue on its grid, as the clock's supervision would.
        await Eventually.Within(TimeSpan.FromSeconds(3), () => host.Api.Status(TestCity.Grid(2, 5)), s => s["alerts"]!["overdue"]!.GetValue<int>() == 1, "overdue");
        // A handled case is not pressed on (scope and role: the authorization table).
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Post($"/api/v1/alerts/{id}/resolve", new { note = "已清理" })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await leader.Post($"/api/v1/alerts/{id}/supervise", new { note = "督办" })).Status);
    }
}
