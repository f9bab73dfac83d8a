using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Http;

/// <summary>API.md §4 alerts and §5 lifecycle, through HTTP against the real host.</summary>
public abstract class AlertApiTests(HubHost host)
{
    private readonly Api _api = host.Api;

    private async Task<Api.Answer> Do(string id, string action, object? body = null) =>
        await _api.Post($"/api/v1/alerts/{id}/{action}", body ?? new { });

    [Fact]
    public async Task A_new_alert_is_created_and_a_resend_is_a_duplicate_of_the_same_alert()
    {
        var report = Alert(TestCity.Grid(1, 1), sourceId: "evt-889");
        var first = await _api.Alerts(report);
        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        var result = first.Json["results"]![0]!;
        Assert.Equal(("evt-889", "created"), (result["sourceId"]!.GetValue<string>(), result["outcome"]!.GetValue<string>()));

        var again = (await _api.Alerts(report)).Json["results"]![0]!;
        Assert.Equal("duplicate", again["outcome"]!.GetValue<string>());
        Assert.Equal(result["alertId"]!.GetValue<string>(), again["alertId"]!.GetValue<string>());
        var alert = (await _api.Get($"/api/v1/alerts/{result["alertId"]}")).Json;
        Assert.Equal(1, alert["occurrences"]!.GetValue<int>());
    }

    [Fact]
    public async Task Same_device_and_category_while_active_is_merged()
    {
        var device = TestCity.Camera(1, 2);
        var id = await _api.Raise(Alert(TestCity.Grid(1, 2), category: "dumping", device: device, at: EarlierToday(TimeSpan.FromMinutes(5))));
        var later = EarlierToday(TimeSpan.FromMinutes(1));
        var merged = (await _api.Alerts(Alert(TestCity.Grid(1, 2), category: "dumping", device: device, sourceId: "evt-merge-2", at: later))).Json["results"]![0]!;
        Assert.Equal(("merged", id), (merged["outcome"]!.GetValue<string>(), merged["alertId"]!.GetValue<string>()));

        var alert = (await _api.Get($"/api/v1/alerts/{id}")).Json;
        Assert.Equal(2, alert["occurrences"]!.GetValue<int>());
        Assert.Equal(later.ToUnixTimeMilliseconds(), alert["lastAt"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds());
        var grid = await _api.Status(TestCity.Grid(1, 2));
        Assert.Equal((1, 1), (grid["alerts"]!["active"]!.GetValue<int>(), grid["today"]!["raised"]!.GetValue<int>()));

        var resent = (await _api.Alerts(Alert(TestCity.Grid(1, 2), category: "dumping", device: device, sourceId: "evt-merge-2", at: later))).Json["results"]![0]!;
        Assert.Equal(("duplicate", id), (resent["outcome"]!.GetValue<string>(), resent["alertId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task One_bad_alert_rejects_the_whole_batch()
    {
        var good = Alert(TestCity.Grid(1, 3), sourceId: "evt-keep");
        var answer = await _api.Post("/api/v1/alerts", new object[]
        {
            good,
            Alert("NOPE"),
            Alert(TestCity.Grid(1, 3), device: "NOPE"),
            Alert(TestCity.Grid(1, 3), severity: "urgent"),
            Alert(TestCity.Grid(1, 3), category: new string('c', 41)),
            Alert(TestCity.Grid(1, 3), at: Now.AddMinutes(10)),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal(
            ["[1].unit", "[2].device", "[3].severity", "[4].category", "[5].at"],
            answer.Errors.Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Equal(0, (await _api.Status(TestCity.Grid(1, 3)))["alerts"]!["active"]!.GetValue<int>());
        var retry = (await _api.Alerts(good)).Json["results"]![0]!;
        Assert.Equal("created", retry["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task More_than_a_thousand_alerts_is_413()
    {
        var answer = await _api.Post("/api/v1/alerts", Enumerable.Range(0, 1_001).Select(i => Alert(TestCity.Grid(1, 4))).ToArray());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
    }

    [Fact]
    public async Task A_cleared_alert_stays_active_until_resolved()
    {
        var id = await _api.Raise(Alert(TestCity.Grid(1, 5), severity: "minor"));
        var cleared = await _api.Post($"/api/v1/alerts/{id}/clear", null);
        Assert.Equal(HttpStatusCode.OK, cleared.Status);
        Assert.True(cleared.Json["cleared"]!.GetValue<bool>());
        Assert.True(cleared.Json["active"]!.GetValue<bool>());
        Assert.Equal("raised", cleared.Json["state"]!.GetValue<string>());
        Assert.Equal(1, (await _api.Status(TestCity.Grid(1, 5)))["alerts"]!["active"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Post("/api/v1/alerts/AL-NOPE/clear", null)).Status);
    }

    [Fact]
    public async Task The_whole_lifecycle_is_kept_in_the_audit_trail()
    {
        var id = await _api.Raise(Alert(TestCity.Grid(2, 1), severity: "critical", category: "fire"));
        Assert.Equal(HttpStatusCode.OK, (await Do(id, "ack", new { note = "收到" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Do(id, "dispatch", new { assignee = "张伟", note = "请到场" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Do(id, "dispatch", new { assignee = "李娜", note = "改派" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Do(id, "resolve", new { note = "已扑灭" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Do(id, "verify", new { passed = true, note = "核查通过" })).Status);
        var closed = await Do(id, "close", new { note = "结案" });
        Assert.Equal(HttpStatusCode.OK, closed.Status);
        Assert.Equal("closed", closed.Json["state"]!.GetValue<string>());
        Assert.Equal("李娜", closed.Json["assignee"]!.GetValue<string>());

        var alert = (await _api.Get($"/api/v1/alerts/{id}")).Json;
        var audit = alert["audit"]!.AsArray();
        Assert.Equal(
            ["raised", "acknowledged", "dispatched", "dispatched", "resolved", "verified", "closed"],
            audit.Select(a => a!["action"]!.GetValue<string>()));
        Assert.Equal(
            [null, "raised", "acknowledged", "dispatched", "dispatched", "resolved", "verified"],
            audit.Select(a => a!["from"]?.GetValue<string>()));
        Assert.Equal(["收到", "请到场", "改派", "已扑灭", "核查通过", "结案"], audit.Skip(1).Select(a => a!["note"]!.GetValue<string>()));
        Assert.All(audit, a => Assert.False(string.IsNullOrEmpty(a!["by"]!.GetValue<string>())));
        Assert.All(audit, a => Assert.Equal(TimeSpan.FromHours(8), a!["at"]!.GetValue<DateTimeOffset>().Offset));
        Assert.False(alert["active"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("resolve", "raised")]
    [InlineData("close", "raised")]
    [InlineData("dispatch", "raised")]
    public async Task An_action_from_a_state_that_does_not_allow_it_is_409_with_the_state_and_its_author(string action, string state)
    {
        var id = await _api.Raise(Alert(TestCity.Grid(2, 2)));
        var answer = await Do(id, action, new { note = "n", assignee = "a" });
        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Equal(state, answer.Json["state"]!.GetValue<string>());
        Assert.Equal(SignIn.AdminUser, answer.Json["by"]!.GetValue<string>()); // who raised it: the sender, not its free-text source
    }

    [Fact]
    public async Task A_second_ack_is_409_naming_who_acknowledged()
    {
        var id = await _api.Raise(Alert(TestCity.Grid(2, 2)));
        Assert.Equal(HttpStatusCode.OK, (await Do(id, "ack")).Status);
        var second = await Do(id, "ack");
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Equal("acknowledged", second.Json["state"]!.GetValue<string>());
        Assert.Equal(SignIn.AdminUser, second.Json["by"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await Do(id, "close")).Status);
    }

    [Fact]
    public async Task Two_officers_acking_at_once_one_wins_the_rest_get_409()
    {
        var id = await _api.Raise(Alert(TestCity.Grid(2, 3), severity: "critical"));
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Do(id, "ack", new { note = "我来" })));
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Equal(9, answers.Count(a => a.Status == HttpStatusCode.Conflict));
        var audit = (await _api.Get($"/api/v1/alerts/{id}")).Json["audit"]!.AsArray();
        Assert.Equal(2, audit.Count);
    }

    [Fact]
    public async Task An_unknown_alert_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get("/api/v1/alerts/AL-NOPE")).Status);
        var ack = await Do("AL-NOPE", "ack");
        Assert.Equal(HttpStatusCode.NotFound, ack.Status);
        Assert.Contains("AL-NOPE", ack.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_needs_a_note_and_dispatch_an_assignee()
    {
        var id = await _api.Raise(Alert(TestCity.Grid(2, 4)));
        await Do(id, "ack");
        var resolve = await Do(id, "resolve", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, resolve.Status);
        Assert.Equal(["$.note: required"], resolve.Errors);
        var dispatch = await Do(id, "dispatch", new { note = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dispatch.Status);
        Assert.Equal(["$.assignee: required"], dispatch.Errors);
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.PostRaw($"/api/v1/alerts/{id}/resolve", "{note:")).Status);
        Assert.Equal("acknowledged", (await _api.Get($"/api/v1/alerts/{id}")).Json["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_list_filters_by_subtree_state_and_severity_newest_first()
    {
        var grid = TestCity.Grid(2, 5);
        var old = await _api.Raise(Alert(TestCity.Building(2, 5, 1), severity: "warning", at: Now.AddMinutes(-30)));
        var mid = await _api.Raise(Alert(grid, severity: "critical", at: Now.AddMinutes(-20)));
        var recent = await _api.Raise(Alert(TestCity.Building(2, 5, 2), severity: "critical", at: Now.AddMinutes(-10)));
        await Do(mid, "ack");
        await Do(mid, "resolve", new { note = "ok" });
        var elsewhere = await _api.Raise(Alert(TestCity.Grid(1, 1), severity: "critical"));

        async Task<string[]> Ids(string query) =>
            (await _api.Get($"/api/v1/alerts?{query}")).Json["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray();

        Assert.Equal([recent, mid, old], await Ids($"unit={grid}"));
        Assert.Equal([recent, old], await Ids($"unit={grid}&state=active"));
        Assert.Equal([mid], await Ids($"unit={grid}&state=resolved"));
        Assert.Equal([recent, mid], await Ids($"unit={grid}&severity=critical"));
        Assert.Equal([recent], await Ids($"unit={grid}&severity=critical&state=active"));
        Assert.Equal([recent], await Ids($"unit={grid}&limit=1"));
        Assert.Equal([recent], await Ids($"unit={TestCity.Building(2, 5, 2)}"));
        Assert.Contains(elsewhere, await Ids($"unit={TestCity.City}&limit=1000"));
        Assert.DoesNotContain(elsewhere, await Ids($"unit={TestCity.Street(2)}&limit=1000"));

        Assert.Equal(HttpStatusCode.BadRequest, (await _api.Get("/api/v1/alerts?state=burning")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.Get("/api/v1/alerts?limit=0")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get("/api/v1/alerts?unit=NOPE")).Status);
    }

    [Fact]
    public async Task An_active_alert_shows_its_handling_deadline_and_how_much_of_it_is_used()
    {
        var at = Now.AddMinutes(-30);
        var id = await _api.Raise(Alert(TestCity.Grid(2, 6), severity: "critical", at: at));
        var alert = (await _api.Get($"/api/v1/alerts/{id}")).Json;
        Assert.Equal(at.AddHours(1).ToUnixTimeSeconds(), alert["handleDeadline"]!.GetValue<DateTimeOffset>().ToUnixTimeSeconds());
        Assert.InRange(alert["handleUsed"]!.GetValue<double>(), 0.49, 0.55);

        var listed = (await _api.Get($"/api/v1/alerts?unit={TestCity.Grid(2, 6)}&state=active")).Json["items"]![0]!;
        Assert.NotNull(listed["handleUsed"]);

        await Do(id, "ack");
        var resolved = await Do(id, "resolve", new { note = "ok" });
        Assert.Null(resolved.Json["handleUsed"]);
    }
}

public sealed class AlertApiOnMemoryTests(HubHost host) : AlertApiTests(host), IClassFixture<HubHost>;

public sealed class AlertApiOnPostgresTests(PostgresHubHost host) : AlertApiTests(host), IClassFixture<PostgresHubHost>;
