using System.Net;
using Hub.Tests.Support;
using Npgsql;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Trust;

/// <summary>
/// DESIGN.md principle 8: a stored version that moved under a live grain (another activation wrote,
/// or a commit's answer was lost) ends that activation, and the next call works on the truth.
/// Before, the conflict was wrapped as "storage unavailable": the grain kept its stale version and
/// answered 503 for as long as the silo lived.
/// </summary>
public class VersionConflictTests(PostgresHubHost host) : IClassFixture<PostgresHubHost>
{
    private async Task<int> MoveStoredVersion(string grainKey)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE hub_grain_state SET etag = etag + 1 WHERE grain_id LIKE '%/' || @key", connection);
        command.Parameters.AddWithValue("key", grainKey);
        return await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_grid_whose_stored_version_moved_answers_the_next_call_from_a_fresh_load()
    {
        var grid = TestCity.Grid(2, 4);
        var worker = TestCity.Worker(2, 4, 1);
        Assert.Equal(HttpStatusCode.Accepted, (await host.Api.Checkins(Checkin(worker, grid, "start", id: "vc-1"))).Status);
        Assert.Equal(1, await MoveStoredVersion(grid));

        // The first write after the move cannot be taken (it would overwrite what another wrote)…
        var first = await host.Api.Checkins(Checkin(worker, TestCity.Building(2, 4, 1), "patrol", id: "vc-2"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Status);
        // …and the resend is served by a fresh activation, with what storage holds.
        var resent = await Eventually.Within(TimeSpan.FromSeconds(5),
            () => host.Api.Checkins(Checkin(worker, TestCity.Building(2, 4, 1), "patrol", id: "vc-2")),
            a => a.Status == HttpStatusCode.Accepted, "the resend is accepted");
        Assert.Equal(1, resent.Json["accepted"]!.GetValue<int>());
        var later = await host.Api.Checkins(Checkin(worker, TestCity.Building(2, 4, 2), "patrol", id: "vc-3"));
        Assert.Equal(HttpStatusCode.Accepted, later.Status);
        var again = await host.Api.Checkins(Checkin(worker, grid, "start", id: "vc-1"));
        Assert.Equal((0, 1), (again.Json["accepted"]!.GetValue<int>(), again.Json["duplicates"]!.GetValue<int>()));

        var status = await Eventually.Within(TimeSpan.FromSeconds(2), () => host.Api.Status(grid),
            s => s["today"]!["checkins"]!.GetValue<int>() == 3, "three check-ins counted");
        Assert.Equal((2, 1), (status["today"]!["patrolled"]!.GetValue<int>(), status["workers"]!["onDuty"]!.GetValue<int>()));
    }

    [Fact]
    public async Task An_alert_whose_stored_version_moved_takes_the_next_action()
    {
        var id = await host.Api.Raise(Alert(TestCity.Grid(2, 5), severity: "major"));
        Assert.Equal(1, await MoveStoredVersion(id));

        var first = await host.Api.Post($"/api/v1/alerts/{id}/ack", new { note = "收到" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Status);
        var acked = await Eventually.Within(TimeSpan.FromSeconds(5), () => host.Api.Post($"/api/v1/alerts/{id}/ack", new { note = "收到" }),
            a => a.Status == HttpStatusCode.OK, "the retried ack is taken");
        Assert.Equal("acknowledged", acked.Json["state"]!.GetValue<string>());
        Assert.Single(acked.Json["audit"]!.AsArray(), a => a!["action"]!.GetValue<string>() == "acknowledged");
    }
}
