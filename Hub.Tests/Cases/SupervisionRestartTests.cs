using System.Net;
using Hub.Tests.Durability;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Cases;

/// <summary>督办 goes on across a kill -9, though nobody reads the case afterwards: a reminder wakes it.</summary>
public class SupervisionRestartTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_case_left_undispatched_is_supervised_after_a_kill_9_without_being_read()
    {
        var settings = PostgresFixture.Silo(await postgres.Server.CreateDatabase(), postgres.TopologyFile,
            new Dictionary<string, string> { ["Hub:Sla:Stage:Dispatch:Minor"] = "00:00:03" });
        var grid = TestCity.Grid(2, 3);
        var silo = await SiloProcess.Start(settings);
        var id = await silo.Api.Raise(Alert(grid, severity: "minor", category: "dumping"));
        Assert.Equal(HttpStatusCode.OK, (await silo.Api.Post($"/api/v1/alerts/{id}/ack", new { })).Status);
        await silo.DisposeAsync(); // SIGKILL, before the 3 s are up

        settings.Remove("Hub:Topology");
        await using var again = await SiloProcess.Start(settings);
        // The journal answers the list; the case itself is not read.
        var listed = await Eventually.Within(TimeSpan.FromSeconds(30),
            async () => (await again.Api.Get($"/api/v1/alerts?unit={grid}&state=acknowledged")).Json["items"]!.AsArray().SingleOrDefault(a => a!["id"]!.GetValue<string>() == id),
            a => a?["stage"]?["supervision"]?.GetValue<int>() == 2, "the case reaches red while nobody looks");
        Assert.Equal(("dispatch", TestCity.Community(2)), (listed!["stage"]!["name"]!.GetValue<string>(), listed["stage"]!["supervisedTo"]!.GetValue<string>()));
        var trail = (await again.Api.Get($"/api/v1/alerts/{id}")).Json["audit"]!.AsArray();
        Assert.Equal(2, trail.Count(a => a!["action"]!.GetValue<string>() == "supervised"));
    }
}
