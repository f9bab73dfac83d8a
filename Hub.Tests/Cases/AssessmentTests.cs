using System.Globalization;
using System.Net;
using Hub.Tests.Support;
using MiniExcelLibs;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Cases;

/// <summary>考核评价 through HTTP: a month with known cases gives known scores, grades and ranks, as JSON and as xlsx.</summary>
public abstract class AssessmentTests(HubHost host)
{
    private readonly Api _api = host.Api;

    private static string ThisMonth => Now.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task Do(string id, string action, object? body = null) =>
        Assert.Equal(HttpStatusCode.OK, (await _api.Post($"/api/v1/alerts/{id}/{action}", body ?? new { })).Status);

    private async Task Close(string id, int score, bool rework = false)
    {
        await Do(id, "ack");
        await Do(id, "resolve", new { note = "已处置" });
        if (rework)
        {
            await Do(id, "verify", new { passed = false });
            await Do(id, "resolve", new { note = "再次处置" });
        }
        await Do(id, "verify", new { passed = true });
        await Do(id, "close");
        await Do(id, "rate", new { score });
    }

    [Fact]
    public async Task A_month_of_known_cases_ranks_the_streets_with_known_scores()
    {
        // Street 1: two cases closed on time, scored 5 and 3 → 50 + 30 + 10 + 10 × 4/5 = 98, A.
        await Close(await _api.Raise(Alert(TestCity.Grid(1, 1), severity: "minor")), 5);
        await Close(await _api.Raise(Alert(TestCity.Grid(1, 2), severity: "minor")), 3);
        // Street 2: one closed after a rework, scored 2; one left open; a rejected report counts for nothing
        // → 50 × 1/2 + 30 × 1/2 + 10 × 0 + 10 × 2/5 = 44, D.
        await Close(await _api.Raise(Alert(TestCity.Grid(2, 1), severity: "minor")), 2, rework: true);
        await _api.Raise(Alert(TestCity.Grid(2, 2), severity: "minor"));
        await Do(await _api.Raise(Alert(TestCity.Grid(2, 3), severity: "minor")), "reject", new { reason = "重复上报" });

        var assessment = await Eventually.Within(TimeSpan.FromSeconds(5),
            async () => (await _api.Get($"/api/v1/units/{TestCity.District}/assessment?month={ThisMonth}")).Json,
            a => a["items"]!.AsArray().Sum(i => i!["rated"]!.GetValue<int>()) == 3, "history has the month");
        var items = assessment["items"]!.AsArray();
        Assert.Equal([(TestCity.Street(1), 98.0, "A", 1), (TestCity.Street(2), 44.0, "D", 2)],
            items.Select(i => (i!["code"]!.GetValue<string>(), i["score"]!.GetValue<double>(), i["grade"]!.GetValue<string>(), i["rank"]!.GetValue<int>())));
        var second = items[1]!;
        Assert.Equal((2, 1, 1, 1, 1.0), (second["cases"]!.GetValue<int>(), second["handled"]!.GetValue<int>(), second["closed"]!.GetValue<int>(),
            second["rejected"]!.GetValue<int>(), second["reworkRate"]!.GetValue<double>()));
        Assert.Equal(50, assessment["weights"]!["onTimeWeight"]!.GetValue<double>());

        // The month before: nothing to assess.
        var before = Now.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var idle = (await _api.Get($"/api/v1/units/{TestCity.District}/assessment?month={before}")).Json["items"]!.AsArray();
        Assert.All(idle, i => Assert.Null(i!["rank"]?.GetValue<int?>()));

        // The same table as xlsx, as a leader files it.
        using var response = await _api.Http.GetAsync($"/api/v1/units/{TestCity.District}/assessment?month={ThisMonth}&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        await using var table = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = table.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Equal(("第1街道", 98.0, "A"), ((string)rows[0]["单位"], Convert.ToDouble(rows[0]["得分"], CultureInfo.InvariantCulture), (string)rows[0]["等级"]));
        Assert.Equal((2, 1, 0), (Convert.ToInt32(rows[1]["排名"], CultureInfo.InvariantCulture), Convert.ToInt32(rows[1]["不予立案"], CultureInfo.InvariantCulture),
            Convert.ToInt32(rows[1]["红牌"], CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.BadRequest, (await _api.Get($"/api/v1/units/{TestCity.District}/assessment?month=2026-13")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.Get($"/api/v1/units/{TestCity.District}/assessment?format=pdf")).Status);
    }
}

public sealed class AssessmentOnMemoryTests(HubHost host) : AssessmentTests(host), IClassFixture<HubHost>;

public sealed class AssessmentOnPostgresTests(PostgresHubHost host) : AssessmentTests(host), IClassFixture<PostgresHubHost>;
