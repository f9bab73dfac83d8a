using System.Net;
using Hub.Tests.Support;

namespace Hub.Tests.Operations;

/// <summary>
/// <c>/health/live</c> and <c>/health/ready</c>, without sign-in: readiness names what is not ready
/// (503) and says nothing about the data; it flips while PostgreSQL is stopped and back by itself.
/// </summary>
public class HealthTests(PostgresHubHost host) : IClassFixture<PostgresHubHost>
{
    [Fact]
    public async Task Ready_names_each_check_and_tells_nothing_about_the_data()
    {
        var anonymous = host.Anonymous();
        await host.Api.Status(TestCity.City); // started and signed in once

        var live = await anonymous.Get("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal("Healthy", live.Json["status"]!.GetValue<string>());

        var ready = await anonymous.Get("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal(
            """{"status":"Healthy","checks":{"silo":{"status":"Healthy","description":"active in the cluster"},"topology":{"status":"Healthy","description":"loaded"},"postgres":{"status":"Healthy","description":null}}}""",
            ready.Json.ToJsonString());
    }

    [Fact]
    public async Task Ready_is_503_naming_postgres_while_it_is_stopped_and_ready_again_after_without_a_restart()
    {
        var anonymous = host.Anonymous();
        await host.Api.Status(TestCity.City);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Get("/health/ready")).Status);

        await host.Database.Stop();
        try
        {
            var down = await anonymous.Get("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
            Assert.Equal("Unhealthy", down.Json["status"]!.GetValue<string>());
            Assert.Equal("""{"status":"Unhealthy","description":"does not answer"}""", down.Json["checks"]!["postgres"]!.ToJsonString());
            Assert.Equal("Healthy", down.Json["checks"]!["silo"]!["status"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, (await anonymous.Get("/health/live")).Status); // alive: a restart would not help
        }
        finally
        {
            await host.Database.Start();
        }

        await Eventually.Within(TimeSpan.FromSeconds(30), () => anonymous.Get("/health/ready"), r => r.Status == HttpStatusCode.OK, "ready again");
    }
}

/// <summary>A hub with no topology stored yet stays reachable (200, degraded) for the admin who loads one.</summary>
public class EmptyHubHealthTests
{
    [Fact]
    public async Task An_empty_hub_is_degraded_not_unready_and_ready_once_a_topology_is_loaded()
    {
        await using var silo = await SiloProcess.Start(new Dictionary<string, string> { ["Hub:Demo"] = "false" });

        var empty = await silo.Anonymous().Get("/health/ready");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Equal("Degraded", empty.Json["status"]!.GetValue<string>());
        Assert.Equal("Degraded", empty.Json["checks"]!["topology"]!["status"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await silo.Api.PutRaw("/api/v1/topology", HubHost.Serialize(TestCity.Build()))).Status);
        var loaded = await Eventually.Within(TimeSpan.FromSeconds(10), () => silo.Anonymous().Get("/health/ready"),
            r => r.Json["status"]!.GetValue<string>() == "Healthy", "the topology is loaded");
        Assert.Equal("loaded", loaded.Json["checks"]!["topology"]!["description"]!.GetValue<string>());
    }
}
