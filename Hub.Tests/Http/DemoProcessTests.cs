using Hub.Tests.Support;

namespace Hub.Tests.Http;

/// <summary>The README's first command: the hub started with no settings of its own shows a living demo city.</summary>
public class DemoProcessTests
{
    [Fact]
    public async Task With_no_settings_the_hub_prints_its_url_and_shows_a_living_demo_city()
    {
        await using var silo = await SiloProcess.Start();
        Assert.Contains($"Governance Hub is up: {silo.Url}", silo.Output, StringComparison.Ordinal);
        var api = silo.Api;

        var topology = (await api.Get("/api/v1/topology")).Json;
        var units = topology["units"]!.AsArray();
        Assert.True(units.Count(u => u!["level"]!.GetValue<string>() == "grid") >= 200, "a few hundred grids");
        Assert.True(units.Count(u => u!["level"]!.GetValue<string>() == "building") >= 500, "their buildings");
        Assert.True(topology["workers"]!.AsArray().Count >= 200, "their workers");
        Assert.True(topology["devices"]!.AsArray().Count >= 200, "their devices");

        var top = units.Single(u => u!["parent"] is null)!["code"]!.GetValue<string>();
        var city = await Eventually.Within(TimeSpan.FromSeconds(30), () => api.Status(top),
            s => s["workers"]!["onDuty"]!.GetValue<int>() > 0 && s["alerts"]!["active"]!.GetValue<int>() > 0, "the city comes alive");
        var districts = city["children"]!.AsArray();
        Assert.True(districts.Count >= 2);
        Assert.All(districts, d => Assert.EndsWith("区", d!["name"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.True(city["today"]!["checkins"]!.GetValue<int>() > 0);
        Assert.NotNull(city["today"]!["patrolRate"]);

        // Alerts of every severity, and officers working through them.
        var alerts = await Eventually.Within(TimeSpan.FromSeconds(30),
            async () => (await api.Get($"/api/v1/alerts?unit={top}&limit=1000")).Json["items"]!.AsArray(),
            items => items.Any(a => a!["state"]!.GetValue<string>() is "resolved" or "closed")
                     && items.Select(a => a!["severity"]!.GetValue<string>()).Distinct().Count() == 4,
            "the backlog is raised and partly handled");
        Assert.Equal(["critical", "major", "minor", "warning"], alerts.Select(a => a!["severity"]!.GetValue<string>()).Distinct().Order());

        // Living: check-ins keep arriving.
        var before = city["today"]!["checkins"]!.GetValue<int>();
        await Eventually.Within(TimeSpan.FromSeconds(30), () => api.Status(top),
            s => s["today"]!["checkins"]!.GetValue<int>() > before, "new check-ins arrive");
    }
}
