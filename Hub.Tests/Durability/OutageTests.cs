using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Durability;

/// <summary>While PostgreSQL is down: 503 with Retry-After for changes, answers from memory for reads, and recovery without a restart.</summary>
public class OutageTests(PostgresHubHost host) : IClassFixture<PostgresHubHost>
{
    [Fact]
    public async Task Changes_get_503_reads_go_on_and_the_hub_recovers_by_itself()
    {
        var api = host.Api;
        var grid = TestCity.Grid(1, 3);
        var id = await api.Raise(Alert(grid, severity: "critical", category: "fire"));
        Assert.Equal(HttpStatusCode.Accepted, (await api.Checkins(Checkin(TestCity.Worker(1, 3, 1), grid, "start"))).Status);
        var before = await api.Status(grid);

        await host.Database.Stop();
        try
        {
            var checkin = await api.Checkins(Checkin(TestCity.Worker(1, 3, 1), TestCity.Building(1, 3, 1), "patrol", id: "during-outage"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, checkin.Status);
            Assert.Equal("application/problem+json", checkin.ContentType);
            Assert.Equal(TimeSpan.FromSeconds(5), checkin.RetryAfter);
            var ack = await api.Post($"/api/v1/alerts/{id}/ack", new { note = "收到" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ack.Status);
            Assert.NotNull(ack.RetryAfter);
            var alert = await api.Alerts(Alert(grid, severity: "minor"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, alert.Status);

            var during = await api.Status(grid);
            Assert.Equal(before["alerts"]!.ToJsonString(), during["alerts"]!.ToJsonString());
            Assert.Equal(1, during["workers"]!["onDuty"]!.GetValue<int>());
        }
        finally
        {
            await host.Database.Start();
        }

        var retried = await Eventually.Within(TimeSpan.FromSeconds(30),
            () => api.Checkins(Checkin(TestCity.Worker(1, 3, 1), TestCity.Building(1, 3, 1), "patrol", id: "during-outage")),
            r => r.Status == HttpStatusCode.Accepted, "ingest works again");
        Assert.Equal(1, retried.Json["accepted"]!.GetValue<int>());
        var acked = await Eventually.Within(TimeSpan.FromSeconds(30), () => api.Post($"/api/v1/alerts/{id}/ack", new { note = "收到" }),
            r => r.Status == HttpStatusCode.OK, "actions work again");
        Assert.Equal("acknowledged", acked.Json["state"]!.GetValue<string>());
        var after = await api.Status(grid);
        Assert.Equal(1, after["today"]!["patrolled"]!.GetValue<int>());
    }
}
