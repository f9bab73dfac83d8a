using System.Diagnostics;
using System.Net;
using Hub.Tests.Support;
using Npgsql;
using Xunit.Abstractions;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Durability;

/// <summary>Issue: kill -9 right after a burst of acknowledged changes loses nothing (real processes, real PostgreSQL).</summary>
public class RestartTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task After_kill_9_every_acknowledged_change_is_still_there()
    {
        var settings = PostgresFixture.Silo(await postgres.Server.CreateDatabase(), postgres.TopologyFile);
        var silo = await SiloProcess.Start(settings);
        var api = silo.Api;

        var grid = TestCity.Grid(1, 2);
        var reports = Enumerable.Range(0, 24).Select(i => Alert(i % 2 == 0 ? grid : TestCity.Building(1, 2, 1 + (i % 3)),
            severity: i % 3 == 0 ? "critical" : "major", category: $"c{i}", sourceId: $"burst-{i}")).ToArray();
        var raised = (await api.Alerts(reports)).Json["results"]!.AsArray().Select(r => r!["alertId"]!.GetValue<string>()).ToArray();
        var checkins = Enumerable.Range(0, 10).Select(i =>
            Checkin(TestCity.Worker(1, 2, 1 + (i % 2)), TestCity.Building(1, 2, 1 + (i % 3)), "patrol", id: $"keep-{i}")).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await api.Checkins(checkins)).Status);

        // The burst: acknowledge 16 at once, then resolve 8 of them at once; remember what was answered 200.
        var acked = (await Task.WhenAll(raised.Take(16).Select(async id =>
            (id, (await api.Post($"/api/v1/alerts/{id}/ack", new { note = "收到" })).Status)))).Where(r => r.Status == HttpStatusCode.OK).Select(r => r.id).ToArray();
        var resolved = (await Task.WhenAll(acked.Take(8).Select(async id =>
            (id, (await api.Post($"/api/v1/alerts/{id}/resolve", new { note = "已处置" })).Status)))).Where(r => r.Status == HttpStatusCode.OK).Select(r => r.id).ToArray();
        Assert.Equal((16, 8), (acked.Length, resolved.Length));

        await silo.DisposeAsync(); // SIGKILL, no goodbye
        var restarted = Stopwatch.StartNew();
        await using var again = await SiloProcess.Start(settings);
        api = again.Api;

        foreach (var id in raised)
        {
            var alert = (await api.Get($"/api/v1/alerts/{id}")).Json;
            var expected = resolved.Contains(id) ? "resolved" : acked.Contains(id) ? "acknowledged" : "raised";
            Assert.Equal(expected, alert["state"]!.GetValue<string>());
            Assert.Equal(expected switch { "resolved" => 3, "acknowledged" => 2, _ => 1 },
                alert["audit"]!.AsArray().Count(a => a!["action"]!.GetValue<string>() is "raised" or "acknowledged" or "resolved"));
        }
        var resent = (await api.Alerts(reports)).Json["results"]!.AsArray();
        Assert.All(resent, r => Assert.Equal("duplicate", r!["outcome"]!.GetValue<string>()));
        var again2 = await api.Checkins(checkins);
        Assert.Equal((0, 10), (again2.Json["accepted"]!.GetValue<int>(), again2.Json["duplicates"]!.GetValue<int>()));

        // Every unit's status is what it was, within 30 s of the restart.
        var active = raised.Length - resolved.Length;
        var unacknowledged = raised.Length - acked.Length;
        foreach (var unit in new[] { grid, TestCity.Community(1), TestCity.District, TestCity.City })
        {
            var status = await Eventually.Within(TimeSpan.FromSeconds(30) - restarted.Elapsed, () => api.Status(unit),
                s => s["alerts"]!["active"]!.GetValue<int>() == active && s["alerts"]!["unacknowledged"]!.GetValue<int>() == unacknowledged
                     && s["today"]!["checkins"]!.GetValue<int>() == 10,
                $"{unit} as before the kill");
            Assert.Equal((raised.Length, resolved.Length), (status["today"]!["raised"]!.GetValue<int>(), status["today"]!["handled"]!.GetValue<int>()));
        }
        output.WriteLine($"restart: every unit as before {restarted.Elapsed.TotalSeconds:0.0} s after the kill (process start included)");
        var building = await api.Status(TestCity.Building(1, 2, 1));
        Assert.Equal(1, building["today"]!["patrolled"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_busy_grids_check_in_ids_sealed_apart_are_still_known_after_a_kill_9()
    {
        var database = await postgres.Server.CreateDatabase();
        var settings = PostgresFixture.Silo(database, postgres.TopologyFile);
        var silo = await SiloProcess.Start(settings);
        var worker = TestCity.Worker(2, 3, 1);
        var checkins = Enumerable.Range(0, 700).Select(i => Checkin(worker, TestCity.Building(2, 3, 1 + (i % 3)), "patrol", id: $"busy-{i}")).ToArray();
        var first = await silo.Api.Checkins(checkins[..600]);
        Assert.Equal((600, 0), (first.Json["accepted"]!.GetValue<int>(), first.Json["duplicates"]!.GetValue<int>()));
        var second = await silo.Api.Checkins(checkins[550..]); // 50 resent, 100 new
        Assert.Equal((100, 50), (second.Json["accepted"]!.GetValue<int>(), second.Json["duplicates"]!.GetValue<int>()));
        // 700 ids of one day: two blocks of 256 stored apart, 188 in the grid's own state.
        Assert.Equal(2, await StoredRows(database, "checkin-block"));

        await silo.DisposeAsync(); // SIGKILL
        await using var again = await SiloProcess.Start(settings);
        var resent = await again.Api.Checkins(checkins[..650]);
        Assert.Equal((0, 650), (resent.Json["accepted"]!.GetValue<int>(), resent.Json["duplicates"]!.GetValue<int>()));
        var more = await again.Api.Checkins([.. checkins[650..], Checkin(worker, TestCity.Building(2, 3, 1), "patrol", id: "busy-700")]);
        Assert.Equal((1, 50), (more.Json["accepted"]!.GetValue<int>(), more.Json["duplicates"]!.GetValue<int>()));
        Assert.Equal(701, (await again.Api.Status(TestCity.Grid(2, 3)))["today"]!["checkins"]!.GetValue<int>());
    }

    private static async Task<long> StoredRows(string database, string stateName)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM hub_grain_state WHERE state_name = @name AND payload IS NOT NULL", connection);
        count.Parameters.AddWithValue("name", stateName);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Escalation_goes_on_across_a_kill_9()
    {
        var settings = PostgresFixture.Silo(await postgres.Server.CreateDatabase(), postgres.TopologyFile,
            new Dictionary<string, string> { ["Hub:Sla:Ack:Critical"] = "00:00:03" });
        var silo = await SiloProcess.Start(settings);
        var id = await silo.Api.Raise(Alert(TestCity.Building(2, 1, 1), severity: "critical", category: "gas"));
        await Eventually.Within(TimeSpan.FromSeconds(10), async () => (await silo.Api.Get($"/api/v1/alerts/{id}")).Json["escalatedTo"]?.GetValue<string>(),
            u => u == TestCity.Grid(2, 1), "climbs to the grid before the kill");

        await silo.DisposeAsync();
        await using var again = await SiloProcess.Start(settings);

        // Nobody reads the alert itself: the units see it climb on their own.
        var street = await Eventually.Within(TimeSpan.FromSeconds(20), () => again.Api.Status(TestCity.Street(2)),
            s => s["alerts"]!["escalated"]!.GetValue<int>() == 1, "after the restart it keeps climbing, to the street");
        Assert.Equal("red", street["health"]!.GetValue<string>());
        var audit = (await again.Api.Get($"/api/v1/alerts/{id}")).Json["audit"]!.AsArray()
            .Where(a => a!["action"]!.GetValue<string>() == "escalated").Select(a => a!["note"]!.GetValue<string>()).ToArray();
        // Every level is passed and recorded in turn, however long the restart kept it from climbing.
        Assert.Equal(new[] { TestCity.Grid(2, 1), TestCity.Community(2), TestCity.Street(2), TestCity.District, TestCity.City }[..audit.Length], audit);
        Assert.True(audit.Length >= 3, string.Join(", ", audit));
    }
}
