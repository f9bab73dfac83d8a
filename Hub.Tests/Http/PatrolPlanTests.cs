using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Http;

/// <summary>巡查计划 through the API: set on a unit, inherited below it, and the rates follow it.</summary>
public class PatrolPlanTests(HubHost host) : IClassFixture<HubHost>
{
    private readonly Api _api = host.Api;

    [Fact]
    public async Task A_plan_set_on_a_community_is_inherited_and_the_grids_rates_follow_it()
    {
        // Street 2's community: weekly, two visits per target.
        var community = TestCity.Community(2);
        var set = await _api.Send(HttpMethod.Put, $"/api/v1/units/{community}/patrol-plan", new { cadence = "weekly", visits = 2 });
        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.Equal(("weekly", 2, community, true), (set.Json["cadence"]!.GetValue<string>(), set.Json["visits"]!.GetValue<int>(),
            set.Json["from"]!.GetValue<string>(), set.Json["own"]!.GetValue<bool>()));
        var grid = TestCity.Grid(2, 3);
        var inherited = (await _api.Get($"/api/v1/units/{TestCity.Building(2, 3, 1)}/patrol-plan")).Json;
        Assert.Equal(("weekly", community, false), (inherited["cadence"]!.GetValue<string>(), inherited["from"]!.GetValue<string>(), inherited["own"]!.GetValue<bool>()));
        // Street 1 keeps the default: daily, once.
        var other = (await _api.Get($"/api/v1/units/{TestCity.Grid(1, 1)}/patrol-plan")).Json;
        Assert.Equal(("daily", 1, true), (other["cadence"]!.GetValue<string>(), other["visits"]!.GetValue<int>(), other["from"] is null));

        // Building 1 visited three times (counts two), building 2 once, building 3 never: 3 of 6 this week.
        await _api.Checkins(
            Checkin(TestCity.Worker(2, 3, 1), TestCity.Building(2, 3, 1), "patrol"),
            Checkin(TestCity.Worker(2, 3, 1), TestCity.Building(2, 3, 1), "patrol"),
            Checkin(TestCity.Worker(2, 3, 1), TestCity.Building(2, 3, 1), "patrol"),
            Checkin(TestCity.Worker(2, 3, 1), TestCity.Building(2, 3, 2), "patrol"));
        var status = await Eventually.Within(TimeSpan.FromSeconds(5), () => _api.Status(grid),
            s => s["today"]!["week"]!["done"]!.GetValue<int>() == 3, "the week's visits are counted");
        var week = status["today"]!["week"]!;
        Assert.Equal((3, 6, 3, 0.5), (week["targets"]!.GetValue<int>(), week["planned"]!.GetValue<int>(), week["done"]!.GetValue<int>(), week["rate"]!.GetValue<double>()));
        // No daily targets left in the grid: today's rate has nothing planned.
        Assert.Equal((0, 0), (status["today"]!["patrolTargets"]!.GetValue<int>(), status["today"]!["patrolPlanned"]!.GetValue<int>()));
        Assert.Null(status["today"]!["patrolRate"]?.GetValue<double?>());
        await Eventually.Within(TimeSpan.FromSeconds(5), () => _api.Status(community),
            s => s["today"]!["week"]!["planned"]!.GetValue<int>() == 16 * 2 && s["today"]!["week"]!["done"]!.GetValue<int>() == 3,
            "the community sums its grids' weeks: 16 targets (five grids' three buildings, G6 itself) × 2 visits");

        // Back to the default: the grid's daily rate returns, the week's figure goes.
        var removed = await _api.Send(HttpMethod.Delete, $"/api/v1/units/{community}/patrol-plan", null);
        Assert.Equal(("daily", false), (removed.Json["cadence"]!.GetValue<string>(), removed.Json["own"]!.GetValue<bool>()));
        var daily = await Eventually.Within(TimeSpan.FromSeconds(5), () => _api.Status(grid),
            s => s["today"]!["patrolPlanned"]!.GetValue<int>() == 3, "daily again");
        Assert.Equal((2, 0), (daily["today"]!["patrolled"]!.GetValue<int>(), daily["today"]!["week"]!["planned"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_bad_plan_is_named_and_the_bounds_hold()
    {
        var unit = TestCity.Grid(1, 6);
        var bad = await _api.Send(HttpMethod.Put, $"/api/v1/units/{unit}/patrol-plan", new { cadence = "hourly", visits = 0 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.Status);
        var errors = bad.Json["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToArray();
        Assert.Contains("$.cadence: 'hourly' is not one of daily, weekly, monthly", errors);
        Assert.Contains("$.visits: must be between 1 and 1000", errors);
        Assert.Equal(HttpStatusCode.OK, (await _api.Send(HttpMethod.Put, $"/api/v1/units/{unit}/patrol-plan", new { cadence = "monthly", visits = 1000 })).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _api.Send(HttpMethod.Put, $"/api/v1/units/{unit}/patrol-plan", new { cadence = "monthly", visits = 1001 })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Send(HttpMethod.Put, "/api/v1/units/NOPE/patrol-plan", new { cadence = "daily", visits = 1 })).Status);
        await _api.Send(HttpMethod.Delete, $"/api/v1/units/{unit}/patrol-plan", null);
    }
}
