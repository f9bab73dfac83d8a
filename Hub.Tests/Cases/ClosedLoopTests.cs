using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Cases;

/// <summary>
/// The closed loop through HTTP (docs/API.md): 受理 or 不予立案, 派遣, 处置, 核查 with 返工, 结案, 评价 —
/// and what each does to the figures.
/// </summary>
public abstract class ClosedLoopTests(HubHost host)
{
    private readonly Api _api = host.Api;

    private async Task<Api.Answer> Do(string id, string action, object? body = null) =>
        await _api.Post($"/api/v1/alerts/{id}/{action}", body ?? new { });

    private async Task<JsonNode> Ok(string id, string action, object? body = null)
    {
        var answer = await Do(id, action, body);
        Assert.True(answer.Status == HttpStatusCode.OK, $"{action}: {answer}");
        return answer.Json;
    }

    private static string Today => Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_case_goes_round_the_loop_through_a_failed_check_and_a_rework_to_a_rated_close()
    {
        var id = await _api.Raise(Alert(TestCity.Grid(1, 2), severity: "major", category: "graffiti"));
        await Ok(id, "ack", new { note = "受理" });
        await Ok(id, "dispatch", new { assignee = "城管中队", note = "请清理" });
        await Ok(id, "resolve", new { note = "已清理" });
        // Closing needs a passed check first.
        var early = await Do(id, "close", new { note = "结案" });
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Equal("resolved", early.Json["state"]!.GetValue<string>());

        var failed = await Ok(id, "verify", new { passed = false, note = "墙面仍有涂鸦" });
        Assert.Equal(("dispatched", 1, true), (failed["state"]!.GetValue<string>(), failed["reworks"]!.GetValue<int>(), failed["active"]!.GetValue<bool>()));
        await Ok(id, "resolve", new { note = "已重新粉刷" });
        var passed = await Ok(id, "verify", new { passed = true, note = "核查通过" });
        Assert.Equal(("verified", 1), (passed["state"]!.GetValue<string>(), passed["reworks"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.Conflict, (await Do(id, "verify", new { passed = true })).Status);
        await Ok(id, "close", new { note = "结案" });
        var rated = await Ok(id, "rate", new { score = 4, note = "处理及时" });
        Assert.Equal(("closed", 4), (rated["state"]!.GetValue<string>(), rated["rating"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.Conflict, (await Do(id, "rate", new { score = 5 })).Status);

        var trail = rated["audit"]!.AsArray().Select(a => a!["action"]!.GetValue<string>()).ToArray();
        Assert.Equal(["raised", "acknowledged", "dispatched", "resolved", "reworked", "resolved", "verified", "closed", "rated"], trail);
        // The timeline a leader reviews: each stage, who ended it, against its limit.
        var timeline = (await _api.Get($"/api/v1/alerts/{id}")).Json["timeline"]!.AsArray();
        Assert.Equal(["accept", "dispatch", "handle", "verify", "handle", "verify"], timeline.Select(s => s!["stage"]!.GetValue<string>()));
        Assert.All(timeline, s => Assert.Equal(SignIn.AdminUser, s!["by"]!.GetValue<string>()));
        Assert.Equal("00:10:00", timeline[0]!["limit"]!.GetValue<string>()); // accepting a major case: the 10-minute acknowledgement limit
        var rework = rated["audit"]!.AsArray().Single(a => a!["action"]!.GetValue<string>() == "reworked")!;
        Assert.Equal(("resolved", "dispatched", "墙面仍有涂鸦"), (rework["from"]!.GetValue<string>(), rework["to"]!.GetValue<string>(), rework["note"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_rejected_case_leaves_every_figure_but_its_own_and_reworks_and_scores_are_counted()
    {
        var grid = TestCity.Grid(2, 2);
        var report = await _api.Raise(Alert(grid, severity: "minor", category: "noise"));
        var accepted = await _api.Raise(Alert(grid, severity: "minor", category: "dumping"));
        var another = await _api.Raise(Alert(grid, severity: "warning", category: "parking"));

        Assert.Equal("rejected", (await Ok(report, "reject", new { reason = "误报：施工许可时段内" }))["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await Do(report, "ack")).Status);

        // One case reworked once then closed and scored 5; another closed at once and scored 2.
        await Ok(accepted, "ack");
        await Ok(accepted, "resolve", new { note = "已清运" });
        await Ok(accepted, "verify", new { passed = false });
        await Ok(accepted, "resolve", new { note = "已清运干净" });
        await Ok(accepted, "verify", new { passed = true });
        await Ok(accepted, "close");
        await Ok(accepted, "rate", new { score = 5 });
        await Ok(another, "ack");
        await Ok(another, "resolve", new { note = "已挪车" });
        await Ok(another, "verify", new { passed = true });
        await Ok(another, "close");
        await Ok(another, "rate", new { score = 2 });

        // The holder hears of each change one-way: wait for all of them, then read the figures.
        var status = await Eventually.Within(TimeSpan.FromSeconds(2), () => _api.Status(grid),
            s => s["today"]!["raised"]!.GetValue<int>() == 2 && s["today"]!["handled"]!.GetValue<int>() == 2 && s["alerts"]!["active"]!.GetValue<int>() == 0
                 && s["today"]!["rated"]!.GetValue<int>() == 2,
            "the rejected report is no case on the grid, both cases are handled and rated");
        Assert.Equal((2, 1.0, 1), (status["today"]!["handled"]!.GetValue<int>(), status["today"]!["handlingRate"]!.GetValue<double>(), status["today"]!["rejected"]!.GetValue<int>()));
        Assert.Equal(0, status["alerts"]!["active"]!.GetValue<int>());
        // The live figures agree with history's: one of two handled cases reworked, scores 5 and 2.
        Assert.Equal((1, 0.5, 3.5), (status["today"]!["reworked"]!.GetValue<int>(), status["today"]!["reworkRate"]!.GetValue<double>(),
            status["today"]!["satisfaction"]!.GetValue<double>()));
        // The street above sums its grids (the grid reports up one-way).
        await Eventually.Within(TimeSpan.FromSeconds(5), () => _api.Status(TestCity.Street(2)),
            s => s["today"]!["reworked"]!.GetValue<int>() >= 1 && s["today"]!["rated"]!.GetValue<int>() >= 2, "the street sums its grids");

        var stats = await Eventually.Within(TimeSpan.FromSeconds(5), async () => (await _api.Get($"/api/v1/units/{grid}/stats?from={Today}&to={Today}")).Json,
            s => s["rated"]!.GetValue<int>() == 2, "history has the scores");
        Assert.Equal((2, 2, 2, 1), (stats["raised"]!.GetValue<int>(), stats["handled"]!.GetValue<int>(), stats["closed"]!.GetValue<int>(), stats["rejected"]!.GetValue<int>()));
        Assert.Equal((1, 0.5, 3.5), (stats["reworked"]!.GetValue<int>(), stats["reworkRate"]!.GetValue<double>(), stats["satisfaction"]!.GetValue<double>()));
        Assert.Equal(1.0, stats["closedRate"]!.GetValue<double>());
    }

    [Fact]
    public async Task Each_action_says_what_its_body_lacks_and_a_score_is_one_to_five()
    {
        var grid = TestCity.Grid(1, 4);
        var id = await _api.Raise(Alert(grid, severity: "minor", category: "manhole"));
        var noReason = await Do(id, "reject", new { note = "?" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.Status);
        Assert.Contains("$.reason: required", noReason.Errors);
        await Ok(id, "ack");
        await Ok(id, "resolve", new { note = "已盖好" });
        var noVerdict = await Do(id, "verify", new { note = "看过了" });
        Assert.Contains("$.passed: required", noVerdict.Errors);
        Assert.Contains("$.passed: must be true or false", (await Do(id, "verify", new { passed = "yes" })).Errors);
        await Ok(id, "verify", new { passed = true });
        await Ok(id, "close");
        Assert.Contains("$.score: must be between 1 and 5", (await Do(id, "rate", new { score = 0 })).Errors);
        Assert.Contains("$.score: must be between 1 and 5", (await Do(id, "rate", new { score = 6 })).Errors);
        Assert.Contains("$.score: must be a whole number", (await Do(id, "rate", new { score = 4.5 })).Errors);
        Assert.Equal(1, (await Ok(id, "rate", new { score = 1 }))["rating"]!.GetValue<int>());

        var top = await _api.Raise(Alert(grid, severity: "minor", category: "lamp"));
        await Ok(top, "ack");
        await Ok(top, "resolve", new { note = "已修复" });
        await Ok(top, "verify", new { passed = true });
        await Ok(top, "close");
        Assert.Equal(5, (await Ok(top, "rate", new { score = 5 }))["rating"]!.GetValue<int>());
    }
}

public sealed class ClosedLoopOnMemoryTests(HubHost host) : ClosedLoopTests(host), IClassFixture<HubHost>;

public sealed class ClosedLoopOnPostgresTests(PostgresHubHost host) : ClosedLoopTests(host), IClassFixture<PostgresHubHost>;

/// <summary>A hub where <c>close</c> also takes a resolved case (<c>Hub:Cases:RequireVerify=false</c>).</summary>
public sealed class NoVerifyHost : HubHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() => [new("Hub:Cases:RequireVerify", "false")];
}

public class CloseWithoutVerifyTests(NoVerifyHost host) : IClassFixture<NoVerifyHost>
{
    [Fact]
    public async Task Where_verification_is_not_required_a_resolved_case_closes()
    {
        var id = await host.Api.Raise(Alert(TestCity.Grid(1, 3), severity: "minor"));
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Post($"/api/v1/alerts/{id}/ack", new { })).Status);
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Post($"/api/v1/alerts/{id}/resolve", new { note = "已处置" })).Status);
        var closed = await host.Api.Post($"/api/v1/alerts/{id}/close", new { note = "结案" });
        Assert.Equal("closed", closed.Json["state"]!.GetValue<string>());
    }
}
