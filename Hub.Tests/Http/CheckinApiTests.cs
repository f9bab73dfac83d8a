using System.Diagnostics;
using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Http;

/// <summary>API.md §4 check-ins and §6 figures, through HTTP against the real host.</summary>
public abstract class CheckinApiTests(HubHost host)
{
    private readonly Api _api = host.Api;

    [Fact]
    public async Task A_batch_is_accepted_and_a_resend_is_all_duplicates()
    {
        var batch = new[]
        {
            Checkin(TestCity.Worker(1, 1, 1), TestCity.Grid(1, 1), "start", EarlierToday(TimeSpan.FromMinutes(10))),
            Checkin(TestCity.Worker(1, 1, 1), TestCity.Building(1, 1, 2), "patrol"),
            Checkin(TestCity.Worker(1, 1, 2), TestCity.Building(1, 1, 3), "patrol"),
        };
        var first = await _api.Checkins(batch);
        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal((3, 0), (first.Json["accepted"]!.GetValue<int>(), first.Json["duplicates"]!.GetValue<int>()));

        var again = await _api.Checkins(batch);
        Assert.Equal((0, 3), (again.Json["accepted"]!.GetValue<int>(), again.Json["duplicates"]!.GetValue<int>()));

        var grid = await _api.Status(TestCity.Grid(1, 1));
        Assert.Equal(3, grid["today"]!["checkins"]!.GetValue<int>());
        Assert.Equal(2, grid["today"]!["patrolled"]!.GetValue<int>());
        Assert.Equal(0.6667, grid["today"]!["patrolRate"]!.GetValue<double>());
        Assert.Equal(2, grid["workers"]!["onDuty"]!.GetValue<int>());
    }

    [Fact]
    public async Task Concurrent_requests_for_one_grid_count_each_id_once_and_each_request_its_own()
    {
        // Eight centers at once, each with the same 100 ids (a resend racing the first send) and 10 of its own.
        var shared = Enumerable.Range(0, 100).Select(i => Checkin(TestCity.Worker(2, 4, 1), TestCity.Building(2, 4, 1 + (i % 3)), "patrol", id: $"race-{i}")).ToArray();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(r => _api.Checkins(
            [.. shared, .. Enumerable.Range(0, 10).Select(i => Checkin(TestCity.Worker(2, 4, 1), TestCity.Building(2, 4, 1), "patrol", id: $"own-{r}-{i}"))])));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        var counts = answers.Select(a => (Accepted: a.Json["accepted"]!.GetValue<int>(), Duplicates: a.Json["duplicates"]!.GetValue<int>())).ToArray();
        Assert.All(counts, c => Assert.Equal(110, c.Accepted + c.Duplicates));
        Assert.All(counts, c => Assert.True(c.Accepted >= 10, $"{c.Accepted} accepted: a request's own ids are never another's duplicates"));
        Assert.Equal((180, 700), (counts.Sum(c => c.Accepted), counts.Sum(c => c.Duplicates)));
        Assert.Equal(180, (await _api.Status(TestCity.Grid(2, 4)))["today"]!["checkins"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_ancestor_shows_a_check_in_within_two_seconds()
    {
        var before = await _api.Status(TestCity.District);
        var answer = await _api.Checkins(Checkin(TestCity.Worker(2, 5, 1), TestCity.Building(2, 5, 1), "patrol"));
        var since = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        var expected = before["today"]!["patrolled"]!.GetValue<int>() + 1;
        foreach (var unit in new[] { TestCity.Community(2), TestCity.Street(2), TestCity.District, TestCity.City })
        {
            await Eventually.Within(TimeSpan.FromSeconds(2) - since.Elapsed, () => _api.Status(unit),
                s => s["today"]!["patrolled"]!.GetValue<int>() >= (unit == TestCity.District || unit == TestCity.City ? expected : 1),
                $"{unit} shows the patrol");
        }
    }

    [Fact]
    public async Task One_bad_item_rejects_the_whole_batch_naming_each_problem()
    {
        var good = Checkin(TestCity.Worker(1, 2, 1), TestCity.Building(1, 2, 1), "patrol", id: "keep-me");
        var answer = await _api.Post("/api/v1/checkins", new object[]
        {
            good,
            Checkin("NOPE", TestCity.Grid(1, 2), "start"),
            Checkin(TestCity.Worker(1, 2, 1), TestCity.Grid(1, 3), "start"),
            Checkin(TestCity.Worker(1, 2, 1), TestCity.Grid(1, 2), "lunch"),
            Checkin(TestCity.Worker(1, 2, 1), TestCity.Grid(1, 2), "start", Now.AddMinutes(6)),
            new { worker = TestCity.Worker(1, 2, 1), unit = TestCity.Grid(1, 2), kind = "start" },
            "not an object",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        var errors = answer.Errors;
        Assert.Equal(6, errors.Count);
        Assert.StartsWith("[1].worker: unknown worker 'NOPE'", errors[0]);
        Assert.StartsWith("[2].unit:", errors[1]);
        Assert.StartsWith("[3].kind:", errors[2]);
        Assert.Contains("minutes in the future", errors[3]);
        Assert.Equal("[5].at: required", errors[4]);
        Assert.Equal("[6]: must be a JSON object", errors[5]);

        // Nothing of it was applied: the good item is new, and the grid counted nothing.
        var grid = await _api.Status(TestCity.Grid(1, 2));
        Assert.Equal(0, grid["today"]!["checkins"]!.GetValue<int>());
        Assert.Equal(0, grid["workers"]!["onDuty"]!.GetValue<int>());
        var retry = await _api.Checkins(good);
        Assert.Equal((1, 0), (retry.Json["accepted"]!.GetValue<int>(), retry.Json["duplicates"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[{\"worker\": \"W-1-1-1\",]")]
    [InlineData("{\"worker\": \"W-1-1-1\"}")]
    [InlineData("\"a string\"")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_json_array_is_400(string body)
    {
        var answer = await _api.PostRaw("/api/v1/checkins", body);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.False(string.IsNullOrEmpty(answer.Json["detail"]?.GetValue<string>()));
    }

    [Fact]
    public async Task More_than_five_thousand_check_ins_is_413()
    {
        var item = Checkin(TestCity.Worker(1, 6, 1), TestCity.Grid(1, 6), "patrol");
        var full = await _api.Post("/api/v1/checkins", Enumerable.Repeat(item, 5_000).ToArray());
        Assert.Equal(HttpStatusCode.Accepted, full.Status);
        Assert.Equal((1, 4_999), (full.Json["accepted"]!.GetValue<int>(), full.Json["duplicates"]!.GetValue<int>()));
        var answer = await _api.Post("/api/v1/checkins", Enumerable.Repeat(item, 5_001).ToArray());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Contains("5000", answer.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_four_mebibytes_is_413()
    {
        var padding = new string('x', 4 * 1024 * 1024);
        var answer = await _api.PostRaw("/api/v1/checkins", $"[{{\"id\":\"{padding}\"}}]");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
    }

    [Fact]
    public async Task Four_minutes_ahead_is_accepted_and_six_is_refused()
    {
        var soon = await _api.Checkins(Checkin(TestCity.Worker(1, 4, 2), TestCity.Grid(1, 4), "patrol", Now.AddMinutes(4)));
        Assert.Equal(HttpStatusCode.Accepted, soon.Status);
        var late = await _api.Checkins(Checkin(TestCity.Worker(1, 4, 2), TestCity.Grid(1, 4), "patrol", Now.AddMinutes(6)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.Status);
        Assert.StartsWith("[0].at:", late.Errors.Single());
    }

    [Fact]
    public async Task Duty_follows_start_patrol_and_end_and_a_late_older_check_in_does_not_undo_it()
    {
        var grid = TestCity.Grid(1, 5);
        async Task<int> OnDuty() => (await _api.Status(grid))["workers"]!["onDuty"]!.GetValue<int>();

        await _api.Checkins(Checkin(TestCity.Worker(1, 5, 1), grid, "start", Now.AddMinutes(-20)));
        Assert.Equal(1, await OnDuty());
        await _api.Checkins(Checkin(TestCity.Worker(1, 5, 2), TestCity.Building(1, 5, 1), "patrol", Now.AddMinutes(-15)));
        Assert.Equal(2, await OnDuty());
        await _api.Checkins(Checkin(TestCity.Worker(1, 5, 1), grid, "end", Now.AddMinutes(-5)));
        Assert.Equal(1, await OnDuty());
        await _api.Checkins(Checkin(TestCity.Worker(1, 5, 1), grid, "patrol", Now.AddMinutes(-10)));
        Assert.Equal(1, await OnDuty());
        Assert.Equal(2, (await _api.Status(grid))["workers"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_check_in_counts_toward_its_own_day()
    {
        var grid = TestCity.Grid(2, 1);
        var yesterday = Now.AddDays(-1);
        await _api.Checkins(Checkin(TestCity.Worker(2, 1, 1), TestCity.Building(2, 1, 1), "patrol", yesterday));
        var status = await _api.Status(grid);
        Assert.Equal((0, 0), (status["today"]!["checkins"]!.GetValue<int>(), status["today"]!["patrolled"]!.GetValue<int>()));

        await _api.Checkins(Checkin(TestCity.Worker(2, 1, 1), TestCity.Building(2, 1, 1), "patrol"));
        status = await _api.Status(grid);
        Assert.Equal((1, 1), (status["today"]!["checkins"]!.GetValue<int>(), status["today"]!["patrolled"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_patrol_at_a_grid_with_buildings_covers_no_target_but_a_grid_without_is_its_own()
    {
        await _api.Checkins(Checkin(TestCity.Worker(2, 2, 1), TestCity.Grid(2, 2), "patrol"));
        var withBuildings = await _api.Status(TestCity.Grid(2, 2));
        Assert.Equal((1, 3, 0), (withBuildings["today"]!["checkins"]!.GetValue<int>(), withBuildings["today"]!["patrolTargets"]!.GetValue<int>(), withBuildings["today"]!["patrolled"]!.GetValue<int>()));

        var empty = await _api.Status(TestCity.Grid(2, 6));
        Assert.Equal((1, 0.0), (empty["today"]!["patrolTargets"]!.GetValue<int>(), empty["today"]!["patrolRate"]!.GetValue<double>()));
        await _api.Checkins(Checkin(TestCity.Worker(2, 6, 1), TestCity.Grid(2, 6), "patrol"));
        empty = await _api.Status(TestCity.Grid(2, 6));
        Assert.Equal((1, 1, 1.0), (empty["today"]!["patrolTargets"]!.GetValue<int>(), empty["today"]!["patrolled"]!.GetValue<int>(), empty["today"]!["patrolRate"]!.GetValue<double>()));
    }

    [Fact]
    public async Task A_building_answers_its_own_patrol_and_last_patrol_time()
    {
        var building = TestCity.Building(2, 3, 2);
        var at = EarlierToday(TimeSpan.FromMinutes(3));
        await _api.Checkins(Checkin(TestCity.Worker(2, 3, 1), building, "patrol", at));
        var status = await _api.Status(building);
        Assert.Equal("building", status["level"]!.GetValue<string>());
        Assert.Equal(TestCity.Grid(2, 3), status["parent"]!.GetValue<string>());
        Assert.Equal((1, 1, 1.0), (status["today"]!["patrolTargets"]!.GetValue<int>(), status["today"]!["patrolled"]!.GetValue<int>(), status["today"]!["patrolRate"]!.GetValue<double>()));
        Assert.Equal(at.ToUnixTimeMilliseconds(), status["lastPatrolAt"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds());
        Assert.Empty(status["children"]!.AsArray());
        var other = await _api.Status(TestCity.Building(2, 3, 3));
        Assert.Equal(0, other["today"]!["patrolled"]!.GetValue<int>());
    }
}

public sealed class CheckinApiOnMemoryTests(HubHost host) : CheckinApiTests(host), IClassFixture<HubHost>;

public sealed class CheckinApiOnPostgresTests(PostgresHubHost host) : CheckinApiTests(host), IClassFixture<PostgresHubHost>;
