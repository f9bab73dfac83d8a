using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Hub.Tests.Support;
using MiniExcelLibs;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Cases;

/// <summary>Minor cases must be dispatched, and summoned departments report in, within 2 seconds.</summary>
public sealed class LateStagesHost : HubHost
{
    public static readonly KeyValuePair<string, string>[] Limits =
        [new("Hub:Sla:Stage:Dispatch:Minor", "00:00:02"), new("Hub:Sla:Stage:ReportIn:Minor", "00:00:02")];

    protected override IEnumerable<KeyValuePair<string, string>> Settings() => Limits;
}

public sealed class LateStagesPostgresHost : PostgresHubHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() => base.Settings().Concat(LateStagesHost.Limits);
}

/// <summary>
/// 分阶段按时率 and 部门考核 through HTTP: two whistled cases in street 1, one dispatched late and
/// with market regulation reporting in late, give known per-stage rates in the stats and the unit
/// assessment, and a known ranking of the street's two departments.
/// </summary>
public abstract class StageFiguresTests(HubHost host)
{
    private static readonly TimeSpan PastLimit = TimeSpan.FromSeconds(2.3);

    private readonly Api _api = host.Api;

    private static string ThisMonth => Now.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task<JsonNode> Do(string id, string action, object? body = null)
    {
        var answer = await _api.Post($"/api/v1/alerts/{id}/{action}", body ?? new { });
        Assert.True(answer.Status == HttpStatusCode.OK, $"{action}: {answer.Status} {answer.Json}");
        return answer.Json;
    }

    private async Task Finish(string id, int score, params string[] departments)
    {
        foreach (var department in departments)
        {
            await Do(id, "resolve", new { department, note = "办结" });
        }
        await Do(id, "verify", new { passed = true });
        await Do(id, "close");
        await Do(id, "rate", new { score });
    }

    [Fact]
    public async Task Late_stages_and_a_late_report_in_give_known_stage_rates_and_a_known_department_ranking()
    {
        var (police, market) = (TestCity.Police(1), TestCity.MarketRegulation(1));
        // Case A: dispatched late; the police station reports in at once, market regulation late.
        var a = await _api.Raise(Alert(TestCity.Grid(1, 1), severity: "minor", category: "dumping"));
        await Do(a, "ack");
        await Task.Delay(PastLimit);
        await Do(a, "dispatch", new { departments = new[] { police, market }, note = "吹哨" });
        await Do(a, "report-in", new { department = police, note = "已到场" });
        await Task.Delay(PastLimit);
        await Do(a, "report-in", new { department = market, note = "已到场" });
        await Finish(a, 4, police, market);
        // Case B: every stage in time, the police station alone.
        var b = await _api.Raise(Alert(TestCity.Grid(1, 2), severity: "minor", category: "dumping"));
        await Do(b, "ack");
        await Do(b, "dispatch", new { departments = new[] { police }, note = "吹哨" });
        await Do(b, "report-in", new { department = police, note = "已到场" });
        await Finish(b, 5, police);

        var stats = await Eventually.Within(TimeSpan.FromSeconds(5),
            async () => (await _api.Get($"/api/v1/units/{TestCity.Street(1)}/stats")).Json,
            s => s["rated"]!.GetValue<int>() == 2, "history has both cases");
        var stages = stats["stages"]!;
        (int, int, double) Figure(JsonNode s, string stage) =>
            (s[stage]!["ended"]!.GetValue<int>(), s[stage]!["onTime"]!.GetValue<int>(), s[stage]!["onTimeRate"]!.GetValue<double>());
        Assert.Equal((2, 2, 1.0), Figure(stages, "accept"));
        Assert.Equal((2, 1, 0.5), Figure(stages, "dispatch"));
        Assert.Equal((2, 1, 0.5), Figure(stages, "reportIn"));
        Assert.Equal((2, 2, 1.0), Figure(stages, "handle"));
        Assert.Equal((2, 2, 1.0), Figure(stages, "verify"));
        // Each day carries its own: the two cases' days add up to the range.
        Assert.Equal(2, stats["days"]!.AsArray().Sum(d => d!["stages"]!["dispatch"]!["ended"]!.GetValue<int>()));

        var street = (await _api.Get($"/api/v1/units/{TestCity.District}/assessment?month={ThisMonth}")).Json["items"]!.AsArray()
            .Single(i => i!["code"]!.GetValue<string>() == TestCity.Street(1))!;
        Assert.Equal((2, 1, 0.5), Figure(street["stages"]!, "reportIn"));

        // Police: both reported and finished in time, closed, rated 4 and 5 → 50 + 30 + 10 + 10 × 4.5/5 = 99, A.
        // Market regulation: reported in late (one overdue part) → 50 × (0 + 1)/2 + 30 + 10 + 10 × 4/5 − 0.5 = 72.5, C.
        var ranking = (await _api.Get($"/api/v1/departments/{market}/assessment?month={ThisMonth}")).Json;
        Assert.Equal(market, ranking["department"]!["code"]!.GetValue<string>());
        Assert.Equal([(police, 99.0, "A", 1, 0), (market, 72.5, "C", 2, 1)], ranking["items"]!.AsArray().Select(i =>
            (i!["code"]!.GetValue<string>(), i["score"]!.GetValue<double>(), i["grade"]!.GetValue<string>(), i["rank"]!.GetValue<int>(), i["overdue"]!.GetValue<int>())));
        var own = ranking["department"]!;
        Assert.Equal((1, 1, 0, 1, 1), (own["cases"]!.GetValue<int>(), own["reportIn"]!["ended"]!.GetValue<int>(), own["reportIn"]!["onTime"]!.GetValue<int>(),
            own["handle"]!["onTime"]!.GetValue<int>(), own["closed"]!.GetValue<int>()));
        Assert.Equal(4.5, (await _api.Get($"/api/v1/departments/{police}/assessment?month={ThisMonth}")).Json["department"]!["satisfaction"]!.GetValue<double>());

        // The district's enforcement team was never summoned: nothing to assess, no rank.
        var idle = (await _api.Get($"/api/v1/departments/{TestCity.Enforcement}/assessment?month={ThisMonth}")).Json["department"]!;
        Assert.Equal((0, null, null), (idle["cases"]!.GetValue<int>(), idle["score"]?.GetValue<double?>(), idle["rank"]?.GetValue<int?>()));

        using var response = await _api.Http.GetAsync($"/api/v1/departments/{police}/assessment?month={ThisMonth}&format=xlsx");
        await using var table = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = table.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToArray();
        Assert.Equal(["第1街道派出所", "第1街道市场监管所"], rows.Select(r => (string)r["部门"]));
        Assert.Equal(0.0, Convert.ToDouble(rows[1]["报到按时率"], CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get("/api/v1/departments/NO-SUCH/assessment")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.Get($"/api/v1/departments/{police}/assessment?month=2026-13")).Status);
    }

    [Fact]
    public async Task A_department_user_sees_only_their_own_row_and_rank()
    {
        var user = $"pd-{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Created, (await _api.Post("/api/v1/users",
            new { user, password = "department-pass-1", role = "department", scope = TestCity.Street(1), department = TestCity.Police(1) })).Status);
        var api = host.As(user, "department-pass-1");
        var own = (await api.Get($"/api/v1/departments/{TestCity.Police(1)}/assessment")).Json;
        Assert.Equal([TestCity.Police(1)], own["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()));
        Assert.Equal(2, own["among"]!.GetValue<int>()); // ranked among the street's two departments
        var other = await api.Get($"/api/v1/departments/{TestCity.MarketRegulation(1)}/assessment");
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Contains(TestCity.Police(1), other.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

public sealed class StageFiguresOnMemoryTests(LateStagesHost host) : StageFiguresTests(host), IClassFixture<LateStagesHost>;

public sealed class StageFiguresOnPostgresTests(LateStagesPostgresHost host) : StageFiguresTests(host), IClassFixture<LateStagesPostgresHost>;
