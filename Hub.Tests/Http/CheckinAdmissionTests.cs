using System.Net;
using Hub.Dashboard.Access;
using Hub.Dashboard.Ingest;
using Hub.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Http;

/// <summary>A hub whose center keys may send one batch of check-ins and then one a second.</summary>
public sealed class TightIngestHost : HubHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Hub:Ingest:KeyCheckinBurst", "5000"),
        new("Hub:Ingest:KeyCheckinsPerSecond", "1"),
    ];
}

/// <summary>
/// Check-ins are taken on as far as the hub can apply them: counted in check-ins per key (429)
/// and in flight per silo (503), always with Retry-After and nothing of a refused batch applied;
/// alerts are never held back by either.
/// </summary>
public class CheckinAdmissionTests(TightIngestHost host) : IClassFixture<TightIngestHost>
{
    private static object[] Batch(int count, string prefix) =>
        [.. Enumerable.Range(0, count).Select(i => Checkin(TestCity.Worker(1, 1 + (i % 5), 1), TestCity.Building(1, 1 + (i % 5), 1 + (i % 3)), "patrol", id: $"{prefix}-{i}"))];

    [Fact]
    public async Task A_key_past_its_check_in_budget_gets_429_with_nothing_applied_and_its_alerts_still_pass()
    {
        var created = await host.Api.Post("/api/v1/apikeys", new { center = "ZZ-BUDGET", scope = TestCity.Street(1) });
        var center = host.WithKey(created.Json["key"]!.GetValue<string>());
        var whole = await center.Checkins(Batch(5000, "budget"));
        Assert.Equal(HttpStatusCode.Accepted, whole.Status);
        Assert.Equal(5000, whole.Json["accepted"]!.GetValue<int>());
        var before = (await host.Api.Status(TestCity.Street(1)))["today"]!["checkins"]!.GetValue<int>();

        var refused = await center.Checkins(Batch(10, "over"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        Assert.NotNull(refused.RetryAfter);
        Assert.Contains("check-ins", refused.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, (await host.Api.Status(TestCity.Street(1)))["today"]!["checkins"]!.GetValue<int>());

        // The same key's gas leak is taken at once.
        Assert.Equal(HttpStatusCode.Accepted, (await center.Alerts(Alert(TestCity.Grid(1, 2), severity: "critical", category: "gas"))).Status);
        // Another key has its own budget.
        var other = await host.Api.Post("/api/v1/apikeys", new { center = "ZZ-OTHER", scope = TestCity.Street(1) });
        Assert.Equal(HttpStatusCode.Accepted, (await host.WithKey(other.Json["key"]!.GetValue<string>()).Checkins(Batch(10, "other"))).Status);
    }

    [Fact]
    public void Past_the_check_ins_in_flight_a_batch_gets_503_with_retry_after_until_the_first_is_applied()
    {
        using var admission = new CheckinAdmission(Options.Create(new IngestOptions { MaxCheckinsInFlight = 8000 }));
        var admin = new Caller("admin", Hub.Grains.Access.Role.Admin, "*", null);
        var (first, none) = admission.Admit(admin, new DefaultHttpContext().Response, 5000, 1);
        Assert.Null(none);
        var response = new DefaultHttpContext().Response;
        var (lease, refused) = admission.Admit(admin, response, 3001, 1);
        Assert.Null(lease);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, Assert.IsAssignableFrom<IStatusCodeHttpResult>(refused).StatusCode);
        Assert.Equal("1", response.Headers.RetryAfter.ToString());
        // Exactly what is left fits.
        var (fits, _) = admission.Admit(admin, new DefaultHttpContext().Response, 3000, 1);
        Assert.NotNull(fits);
        fits!.Dispose();
        first!.Dispose();
        var (again, _) = admission.Admit(admin, new DefaultHttpContext().Response, 8000, 1);
        Assert.NotNull(again);
        again!.Dispose();
    }

    [Fact]
    public void Past_the_grid_calls_in_flight_a_batch_gets_503_and_a_batch_over_more_grids_than_the_bound_passes_alone()
    {
        using var admission = new CheckinAdmission(Options.Create(new IngestOptions { MaxGridCallsInFlight = 100 }));
        var admin = new Caller("admin", Hub.Grains.Access.Role.Admin, "*", null);
        var (first, _) = admission.Admit(admin, new DefaultHttpContext().Response, 60, 60);
        Assert.NotNull(first);
        var (over, refused) = admission.Admit(admin, new DefaultHttpContext().Response, 41, 41);
        Assert.Null(over);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, Assert.IsAssignableFrom<IStatusCodeHttpResult>(refused).StatusCode);
        var (fits, _) = admission.Admit(admin, new DefaultHttpContext().Response, 40, 40);
        Assert.NotNull(fits);
        fits!.Dispose();
        first!.Dispose();
        var (wide, _) = admission.Admit(admin, new DefaultHttpContext().Response, 500, 500);
        Assert.NotNull(wide); // takes the whole bound
        var (next, _) = admission.Admit(admin, new DefaultHttpContext().Response, 1, 1);
        Assert.Null(next);
        wide!.Dispose();
    }

    [Fact]
    public void Settings_that_could_never_take_a_whole_batch_are_named()
    {
        var problems = new IngestOptions { MaxCheckinsInFlight = 4999, KeyCheckinBurst = 100, KeyCheckinsPerSecond = 0 }.Problems();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("Hub:Ingest:MaxCheckinsInFlight must be at least 5000", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Hub:Ingest:KeyCheckinBurst", StringComparison.Ordinal));
        Assert.Empty(new IngestOptions { MaxCheckinsInFlight = 5000, KeyCheckinBurst = 5000 }.Problems());
    }
}
