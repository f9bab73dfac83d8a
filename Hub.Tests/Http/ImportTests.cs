using System.Globalization;
using System.Net;
using System.Text.Json;
using Hub.Tests.Support;

namespace Hub.Tests.Http;

/// <summary>
/// 历史导入 through the API: a history checked whole (every bad line named, nothing kept), written
/// in one go, idempotent, and read back by stats and the assessment as live history would be.
/// </summary>
public abstract class ImportTests(HubHost host)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private readonly Api _api = host.Api;

    /// <summary>A day of last month, in the hub's zone, at a given hour.</summary>
    private static DateTimeOffset LastMonth(int day, int hour, int minute = 0)
    {
        var today = DateTimeOffset.UtcNow.ToOffset(Shanghai);
        var month = new DateTime(today.Year, today.Month, 1).AddMonths(-1);
        return new DateTimeOffset(month.Year, month.Month, day, hour, minute, 0, Shanghai);
    }

    private static string Month(DateTimeOffset at) => at.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string T(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private Task<Api.Answer> Post(string kind, string body, string type, bool wait = true) =>
        _api.PostText($"/api/v1/import/{kind}{(wait ? "?wait=true" : "")}", body, type);

    private static string Ndjson(IEnumerable<object> records) => string.Join('\n', records.Select(r => JsonSerializer.Serialize(r)));

    private static Dictionary<string, object?> Case(string sourceId, string unit, DateTimeOffset reported, string severity = "minor", int? acceptedMin = 5, int? dispatchedMin = 20,
        int? resolvedMin = 120, int? closedMin = 180, int? rating = null, int? rejectedMin = null, string center = "ZZ-OLD") => new Dictionary<string, object?>
        {
            ["center"] = center,
            ["sourceId"] = sourceId,
            ["unit"] = unit,
            ["category"] = "dumping",
            ["severity"] = severity,
            ["title"] = "历史案件",
            ["reportedAt"] = T(reported),
            ["acceptedAt"] = acceptedMin is { } a ? T(reported.AddMinutes(a)) : null,
            ["dispatchedAt"] = dispatchedMin is { } d ? T(reported.AddMinutes(d)) : null,
            ["resolvedAt"] = resolvedMin is { } r ? T(reported.AddMinutes(r)) : null,
            ["closedAt"] = closedMin is { } c ? T(reported.AddMinutes(c)) : null,
            ["rejectedAt"] = rejectedMin is { } x ? T(reported.AddMinutes(x)) : null,
            ["rating"] = rating,
        }.Where(p => p.Value is not null).ToDictionary();

    [Fact]
    public async Task A_file_with_bad_lines_names_each_and_keeps_nothing()
    {
        var at = LastMonth(3, 10);
        var grid = TestCity.Grid(1, 2);
        var body = Ndjson(
        [
            Case("ok-1", grid, at),
            Case("bad-unit", "NOPE", at),
            Case("bad-order", grid, at, acceptedMin: 30, dispatchedMin: 10),
            Case("ok-1", grid, at),
            Case("rejected-and-closed", grid, at, rejectedMin: 10),
            Case("future", grid, DateTimeOffset.UtcNow.AddDays(2)),
        ]) + "\n{not json\n";
        var refused = await Post("cases", body, "application/x-ndjson");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        var errors = refused.Json["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToArray();
        Assert.Contains("line 2.unit: unknown unit 'NOPE'", errors);
        Assert.Contains("line 3.dispatchedAt: is before acceptedAt", errors);
        Assert.Contains("line 4: the same case (center, sourceId) as line 1", errors);
        Assert.Contains(errors, e => e.StartsWith("line 5.rejectedAt: a rejected case", StringComparison.Ordinal));
        Assert.Contains("line 6.reportedAt: is in the future", errors);
        Assert.Contains(errors, e => e.StartsWith("line 7: not JSON", StringComparison.Ordinal));
        Assert.Contains("nothing was imported", refused.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // Nothing of the good line either.
        var stats = (await _api.Get($"/api/v1/units/{grid}/stats?from={Day(at)}&to={Day(at)}")).Json;
        Assert.Equal(0, stats["raised"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Post("cases", "[]", "text/plain")).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Post("cases", "[]", "application/json")).Status);
        var broken = await Post("patrols", "[{\"id\": \"1\"", "application/json");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.Status);
    }

    [Fact]
    public async Task Imported_cases_count_in_stats_and_the_months_assessment_once_however_often_sent()
    {
        // Street 2, last month: three cases handled on time and closed (rated 5, 4, —), one rejected,
        // one still open when the old platform was left.
        var at = LastMonth(12, 9);
        var grid = TestCity.Grid(2, 4);
        object[] cases =
        [
            Case("c1", grid, at, rating: 5),
            Case("c2", TestCity.Building(2, 4, 1), at.AddHours(1), rating: 4),
            Case("c3", grid, at.AddHours(2), closedMin: null),
            Case("r1", grid, at.AddHours(3), acceptedMin: null, dispatchedMin: null, resolvedMin: null, closedMin: null, rejectedMin: 15),
            Case("o1", grid, at.AddHours(4), resolvedMin: null, closedMin: null),
        ];
        var done = await Post("cases", JsonSerializer.Serialize(cases), "application/json");
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal(("done", 5, 5, 5, 0), (done.Json["state"]!.GetValue<string>(), done.Json["records"]!.GetValue<int>(), done.Json["written"]!.GetValue<int>(),
            done.Json["imported"]!.GetValue<int>(), done.Json["alreadyThere"]!.GetValue<int>()));
        var again = await Post("cases", Ndjson(cases), "application/x-ndjson");
        Assert.Equal((0, 5), (again.Json["imported"]!.GetValue<int>(), again.Json["alreadyThere"]!.GetValue<int>()));

        var stats = (await _api.Get($"/api/v1/units/{TestCity.Street(2)}/stats?from={Day(at)}&to={Day(at)}")).Json;
        Assert.Equal((4, 3, 0.75, 2, 1), (stats["raised"]!.GetValue<int>(), stats["handled"]!.GetValue<int>(), stats["handlingRate"]!.GetValue<double>(),
            stats["closed"]!.GetValue<int>(), stats["rejected"]!.GetValue<int>()));
        Assert.Equal((3, 0.75, 4.5), (stats["onTimeHandled"]!.GetValue<int>(), stats["onTimeRate"]!.GetValue<double>(), stats["satisfaction"]!.GetValue<double>()));
        // Accepted within 5 minutes (minor: 60 allowed); dispatched 15 minutes later (30 allowed).
        Assert.Equal((4, 4), (stats["stages"]!["accept"]!["ended"]!.GetValue<int>(), stats["stages"]!["accept"]!["onTime"]!.GetValue<int>()));

        var assessment = (await _api.Get($"/api/v1/units/{TestCity.Community(2)}/assessment?month={Month(at)}")).Json["items"]!.AsArray();
        var row = assessment.Single(r => r!["code"]!.GetValue<string>() == grid)!;
        Assert.Equal((4, 3, 2, 0.5), (row["cases"]!.GetValue<int>(), row["handled"]!.GetValue<int>(), row["closed"]!.GetValue<int>(), row["closedRate"]!.GetValue<double>()));

        // History, not duty: nothing woke up.
        var status = await _api.Status(grid);
        Assert.Equal(0, status["alerts"]!["active"]!.GetValue<int>());
        var active = (await _api.Get($"/api/v1/alerts?unit={grid}&state=active")).Json["items"]!.AsArray();
        Assert.Empty(active);
        var listed = (await _api.Get($"/api/v1/alerts?unit={grid}&limit=1000")).Json["items"]!.AsArray();
        Assert.Equal(5, listed.Count(a => a!["source"]!.GetValue<string>() == "import"));
    }

    [Fact]
    public async Task A_live_check_in_whose_id_history_already_holds_is_taken_and_kept_once()
    {
        // History holds (grid, id) from an import (its ids are kept as import:<worker>:<id>); the grid
        // itself has never seen that id, so a live check-in carrying it is counted, and kept once.
        var w = TestCity.Worker(2, 6, 1);
        var unit = TestCity.Grid(2, 6);
        var at = DateTimeOffset.UtcNow.ToOffset(Shanghai).AddMinutes(-30);
        var imported = await Post("patrols", JsonSerializer.Serialize(new[] { new { id = "known-to-history", worker = w, unit, at = T(at) } }), "application/json");
        Assert.Equal(1, imported.Json["imported"]!.GetValue<int>());

        var known = $"import:{w}:known-to-history";
        var live = await _api.Checkins(Reports.Checkin(w, unit, "patrol", at, id: known), Reports.Checkin(w, unit, "patrol", at, id: "new-to-both"));
        Assert.Equal(HttpStatusCode.Accepted, live.Status);
        Assert.Equal((2, 0), (live.Json["accepted"]!.GetValue<int>(), live.Json["duplicates"]!.GetValue<int>()));
        var again = await _api.Checkins(Reports.Checkin(w, unit, "patrol", at, id: known));
        Assert.Equal((0, 1), (again.Json["accepted"]!.GetValue<int>(), again.Json["duplicates"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Imported_visits_follow_the_plans_across_week_and_month_ends_in_the_hubs_zone()
    {
        // A grid of street 1 patrolled weekly, once per building.
        var grid = TestCity.Grid(1, 5);
        Assert.Equal(HttpStatusCode.OK, (await _api.Send(HttpMethod.Put, $"/api/v1/units/{grid}/patrol-plan", new { cadence = "weekly", visits = 1 })).Status);
        // The last Sunday of last month's first whole week, 23:30 in Shanghai (15:30 UTC), and the Monday after at 00:10 (16:10 UTC Sunday).
        var first = LastMonth(1, 12);
        var monday = first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
        var sunday = new DateTimeOffset(monday.AddDays(6).Date, Shanghai).AddHours(23).AddMinutes(30);
        var nextMonday = new DateTimeOffset(monday.AddDays(7).Date, Shanghai).AddMinutes(10);
        var w = TestCity.Worker(1, 5, 1);
        object Visit(string id, string unit, DateTimeOffset at) => new { id, worker = w, unit, at = T(at) };
        object[] visits =
        [
            Visit("v1", TestCity.Building(1, 5, 1), sunday),
            Visit("v2", TestCity.Building(1, 5, 1), sunday.AddMinutes(5)), // a second visit in the week: the plan asks one
            Visit("v3", TestCity.Building(1, 5, 2), nextMonday),
        ];
        var done = await Post("patrols", JsonSerializer.Serialize(visits), "application/json");
        Assert.Equal((3, 3), (done.Json["records"]!.GetValue<int>(), done.Json["imported"]!.GetValue<int>()));
        Assert.Equal(0, (await Post("patrols", Ndjson(visits), "application/x-ndjson")).Json["imported"]!.GetValue<int>());

        // The week of `monday`: 3 buildings planned once, B1 done → 1 of 3.
        var week = (await _api.Get($"/api/v1/units/{grid}/stats?from={Day(monday)}&to={Day(monday.AddDays(6))}")).Json;
        Assert.Equal((3, 1, 0.3333), (week["patrolTargets"]!.GetValue<int>(), week["patrolled"]!.GetValue<int>(), week["patrolRate"]!.GetValue<double>()));
        var next = (await _api.Get($"/api/v1/units/{grid}/stats?from={Day(monday.AddDays(7))}&to={Day(monday.AddDays(13))}")).Json;
        Assert.Equal((3, 1), (next["patrolTargets"]!.GetValue<int>(), next["patrolled"]!.GetValue<int>()));
        // Two whole weeks: 6 planned, 2 done; a range cutting both weeks holds no whole week.
        var both = (await _api.Get($"/api/v1/units/{grid}/stats?from={Day(monday)}&to={Day(monday.AddDays(13))}")).Json;
        Assert.Equal((6, 2), (both["patrolTargets"]!.GetValue<int>(), both["patrolled"]!.GetValue<int>()));
        var cut = (await _api.Get($"/api/v1/units/{grid}/stats?from={Day(monday.AddDays(3))}&to={Day(monday.AddDays(9))}")).Json;
        Assert.Equal((0, 0), (cut["patrolTargets"]!.GetValue<int>(), cut["patrolled"]!.GetValue<int>()));
        // The visit at Sunday 23:30 in Shanghai is that Sunday's, the one at Monday 00:10 the Monday's.
        var sundayVisits = (await _api.Get($"/api/v1/units/{grid}/stats?from={Day(sunday)}&to={Day(sunday)}")).Json;
        Assert.Equal(2, sundayVisits["patrols"]!.GetValue<int>());

        // A visit by a worker of another grid, and one at a unit outside the worker's grid, are refused.
        var bad = await Post("patrols", Ndjson([Visit("x1", TestCity.Building(2, 1, 1), sunday), new { id = "x2", worker = "NOBODY", unit = grid, at = T(sunday) }]),
            "application/x-ndjson");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.Status);
        Assert.Equal(["line 1.unit: 'D1-S2-C1-G1-B1' is not in the worker's grid 'D1-S1-C1-G5'", "line 2.worker: unknown worker 'NOBODY'"],
            bad.Json["errors"]!.AsArray().Select(e => e!.GetValue<string>()));
        await _api.Send(HttpMethod.Delete, $"/api/v1/units/{grid}/patrol-plan", null);
    }

    [Fact]
    public async Task Without_waiting_the_import_answers_at_once_and_its_progress_is_read()
    {
        var at = LastMonth(20, 8);
        var cases = Enumerable.Range(1, 300).Select(i => Case($"p{i}", TestCity.Grid(1, 3), at.AddMinutes(i))).ToArray();
        var accepted = await Post("cases", Ndjson(cases), "application/x-ndjson", wait: false);
        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        var job = accepted.Json["job"]!.GetValue<string>();
        var finished = await Eventually.Within(TimeSpan.FromSeconds(20), async () => (await _api.Get($"/api/v1/import/{job}")).Json,
            j => j["state"]!.GetValue<string>() == "done", "the import finishes");
        Assert.Equal((300, 300, 300), (finished["records"]!.GetValue<int>(), finished["written"]!.GetValue<int>(), finished["imported"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get("/api/v1/import/nope")).Status);
    }
}

public sealed class ImportOnMemoryTests(HubHost host) : ImportTests(host), IClassFixture<HubHost>;

public sealed class ImportOnPostgresTests(PostgresHubHost host) : ImportTests(host), IClassFixture<PostgresHubHost>;
