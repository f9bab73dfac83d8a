using System.Net;
using System.Text.Json.Nodes;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Cases;

/// <summary>
/// 吹哨报到 through HTTP: the street summons departments to a case, each reports in and does its
/// part, the case is resolved with the last part; a department's user sees and works only the
/// cases their department is summoned to.
/// </summary>
public abstract class WhistleTests(HubHost host)
{
    private const string Password = "department-password-1";
    private static readonly string[] Unknown = ["NOPE"];
    private readonly Api _api = host.Api;

    private async Task<Api> DepartmentUser(string department)
    {
        var user = $"d-{Guid.NewGuid():N}"[..20];
        var created = await _api.Post("/api/v1/users", new { user, password = Password, role = "department", department });
        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        return host.As(user, Password);
    }

    private static async Task<JsonNode> Ok(Api api, string id, string action, object? body = null)
    {
        var answer = await api.Post($"/api/v1/alerts/{id}/{action}", body ?? new { });
        Assert.True(answer.Status == HttpStatusCode.OK, $"{action}: {answer}");
        return answer.Json;
    }

    private static JsonNode Part(JsonNode alert, string department) =>
        alert["parts"]!.AsArray().Single(p => p!["department"]!.GetValue<string>() == department)!;

    [Fact]
    public async Task Two_departments_report_in_and_do_their_parts_and_a_failed_check_calls_them_back()
    {
        var police = await DepartmentUser(TestCity.Police(1));
        var market = await DepartmentUser(TestCity.MarketRegulation(1));
        var id = await _api.Raise(Alert(TestCity.Grid(1, 3), severity: "major", category: "road-occupation"));
        await Ok(_api, id, "ack");
        var whistled = await Ok(_api, id, "dispatch", new { departments = new[] { TestCity.Police(1), TestCity.MarketRegulation(1) }, note = "占道经营，请派出所、市场监管所到场" });
        Assert.Equal(["waiting", "waiting"], whistled["parts"]!.AsArray().Select(p => p!["state"]!.GetValue<string>()));
        var deadline = Part(whistled, TestCity.Police(1))["deadline"]!.GetValue<DateTimeOffset>();
        Assert.InRange(deadline - whistled["changedAt"]!.GetValue<DateTimeOffset>(), TimeSpan.FromMinutes(29.9), TimeSpan.FromMinutes(30.1));

        // A department finishes only after reporting in; the officer may report in for one.
        Assert.Equal(HttpStatusCode.Conflict, (await police.Post($"/api/v1/alerts/{id}/resolve", new { note = "已处理" })).Status);
        var reported = await Ok(police, id, "report-in", new { note = "民警已到场" });
        Assert.Equal(("reported", "dispatched"), (Part(reported, TestCity.Police(1))["state"]!.GetValue<string>(), reported["state"]!.GetValue<string>()));
        await Ok(_api, id, "report-in", new { department = TestCity.MarketRegulation(1), note = "代报到" });
        var half = await Ok(police, id, "resolve", new { note = "劝离摊贩" });
        Assert.Equal(("done", "dispatched"), (Part(half, TestCity.Police(1))["state"]!.GetValue<string>(), half["state"]!.GetValue<string>()));
        var done = await Ok(market, id, "resolve", new { note = "依法处罚" });
        Assert.Equal("resolved", done["state"]!.GetValue<string>());

        // The check fails: every part waits again, and reports in anew.
        var rework = await Ok(_api, id, "verify", new { passed = false, note = "摊贩又回来了" });
        Assert.Equal(("dispatched", 1), (rework["state"]!.GetValue<string>(), rework["reworks"]!.GetValue<int>()));
        Assert.All(rework["parts"]!.AsArray(), p => Assert.Equal("waiting", p!["state"]!.GetValue<string>()));
        await Ok(police, id, "report-in");
        await Ok(market, id, "report-in");
        await Ok(police, id, "resolve", new { note = "再次劝离" });
        await Ok(market, id, "resolve", new { note = "暂扣经营工具" });
        await Ok(_api, id, "verify", new { passed = true });
        var closed = await Ok(_api, id, "close");
        var actions = closed["audit"]!.AsArray().Select(a => a!["action"]!.GetValue<string>()).ToArray();
        Assert.Equal(["raised", "acknowledged", "dispatched", "reported-in", "reported-in", "part-done", "resolved", "reworked",
            "reported-in", "reported-in", "part-done", "resolved", "verified", "closed"], actions);
        var summons = closed["audit"]!.AsArray().Single(a => a!["action"]!.GetValue<string>() == "dispatched")!;
        Assert.Equal([TestCity.Police(1), TestCity.MarketRegulation(1)], summons["departments"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Fact]
    public async Task A_department_user_sees_and_works_only_the_cases_of_their_department()
    {
        var police = await DepartmentUser(TestCity.Police(1));
        var summoned = await _api.Raise(Alert(TestCity.Grid(1, 2), severity: "minor", category: "dispute"));
        var other = await _api.Raise(Alert(TestCity.Grid(1, 2), severity: "minor", category: "dumping"));
        await Ok(_api, summoned, "ack");
        await Ok(_api, summoned, "dispatch", new { departments = new[] { TestCity.Police(1) } });

        Assert.Equal(HttpStatusCode.OK, (await police.Get($"/api/v1/alerts/{summoned}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await police.Get($"/api/v1/alerts/{other}")).Status);
        var listed = await Eventually.Within(TimeSpan.FromSeconds(5),
            async () => (await police.Get($"/api/v1/alerts?unit={TestCity.Street(1)}")).Json["items"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToArray(),
            ids => ids.Contains(summoned), "the summoned case is in the department's list");
        Assert.DoesNotContain(other, listed);

        // Nothing else: no status, no other department's part, no officer's action.
        Assert.Equal(HttpStatusCode.Forbidden, (await police.Get($"/api/v1/units/{TestCity.Street(1)}/status")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.Post($"/api/v1/alerts/{summoned}/ack", new { })).Status);
        var foreignPart = await police.Post($"/api/v1/alerts/{summoned}/report-in", new { department = TestCity.MarketRegulation(1) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreignPart.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await police.Post($"/api/v1/alerts/{other}/report-in", new { })).Status);
        Assert.Equal(HttpStatusCode.OK, (await police.Post($"/api/v1/alerts/{summoned}/report-in", new { })).Status);
    }

    [Fact]
    public async Task A_department_that_does_not_serve_the_case_or_does_not_exist_cannot_be_summoned()
    {
        var id = await _api.Raise(Alert(TestCity.Grid(1, 6), severity: "minor", category: "noise"));
        await Ok(_api, id, "ack");
        var wrongStreet = await _api.Post($"/api/v1/alerts/{id}/dispatch", new { departments = new[] { TestCity.Police(2) } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongStreet.Status);
        Assert.Contains(wrongStreet.Errors, e => e.Contains($"'{TestCity.Police(2)}' serves '{TestCity.Street(2)}'", StringComparison.Ordinal));
        var unknown = await _api.Post($"/api/v1/alerts/{id}/dispatch", new { departments = Unknown });
        Assert.Contains("$.departments: unknown department 'NOPE'", unknown.Errors);
        // The district's enforcement team serves every street in it; a dispatch without departments needs an assignee, as before.
        Assert.Equal(HttpStatusCode.OK, (await _api.Post($"/api/v1/alerts/{id}/dispatch", new { departments = new[] { TestCity.Enforcement } })).Status);
        Assert.Contains("$.assignee: required", (await _api.Post($"/api/v1/alerts/{id}/dispatch", new { note = "改派" })).Errors);
        var resolve = await _api.Post($"/api/v1/alerts/{id}/resolve", new { note = "处理完毕" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, resolve.Status);
        Assert.Contains(resolve.Errors, e => e.StartsWith("$.department: required", StringComparison.Ordinal));
    }
}

public sealed class WhistleOnMemoryTests(HubHost host) : WhistleTests(host), IClassFixture<HubHost>;

public sealed class WhistleOnPostgresTests(PostgresHubHost host) : WhistleTests(host), IClassFixture<PostgresHubHost>;
