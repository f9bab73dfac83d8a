using System.Net;
using Hub.Tests.Support;

namespace Hub.Tests.Http;

/// <summary>The README's first command: the hub started with no settings of its own shows a living demo city.</summary>
public class DemoProcessTests
{
    [Fact]
    public async Task With_no_settings_the_hub_prints_its_url_and_shows_a_living_demo_city()
    {
        // No bootstrap password: the demo's own users are the only way in, printed at start.
        await using var silo = await SiloProcess.Start(new Dictionary<string, string> { [SignIn.BootstrapSetting] = "" });
        Assert.Contains($"Governance Hub is up: {silo.Url}", silo.Output, StringComparison.Ordinal);
        var demoUsers = DemoSignIn.Read(silo.Output);
        Assert.Equal(["admin", "department", "leader", "officer", "viewer", "worker"], demoUsers.Keys.Order());
        Assert.Equal(HttpStatusCode.Unauthorized, (await silo.Anonymous().Post("/api/v1/auth/login", new { user = "admin", password = SignIn.AdminPassword })).Status);
        string Demo(string role, string part) => part switch
        {
            "user" => demoUsers[role].User,
            "password" => demoUsers[role].Password,
            _ => demoUsers[role].Scope,
        };
        var api = silo.As(Demo("admin", "user"), Demo("admin", "password"));

        var topology = (await api.Get("/api/v1/topology")).Json;
        var units = topology["units"]!.AsArray();
        Assert.True(units.Count(u => u!["level"]!.GetValue<string>() == "grid") >= 200, "a few hundred grids");
        Assert.True(units.Count(u => u!["level"]!.GetValue<string>() == "building") >= 500, "their buildings");
        Assert.True(topology["workers"]!.AsArray().Count >= 200, "their workers");
        Assert.True(topology["devices"]!.AsArray().Count >= 200, "their devices");

        var top = units.Single(u => u!["parent"] is null)!["code"]!.GetValue<string>();
        var city = await Eventually.Within(TimeSpan.FromSeconds(30), () => api.Status(top),
            s => s["workers"]!["onDuty"]!.GetValue<int>() > 0 && s["alerts"]!["active"]!.GetValue<int>() > 0 && s["today"]!["checkins"]!.GetValue<int>() > 0,
            "the city comes alive (just after midnight today's check-ins start from none)");
        var districts = city["children"]!.AsArray();
        Assert.True(districts.Count >= 2);
        Assert.All(districts, d => Assert.EndsWith("区", d!["name"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.NotNull(city["today"]!["patrolRate"]);

        // Alerts of every severity, and officers working through them.
        var alerts = await Eventually.Within(TimeSpan.FromSeconds(30),
            async () => (await api.Get($"/api/v1/alerts?unit={top}&limit=1000")).Json["items"]!.AsArray(),
            items => items.Any(a => a!["state"]!.GetValue<string>() is "resolved" or "closed")
                     && items.Select(a => a!["severity"]!.GetValue<string>()).Distinct().Count() == 4,
            "the backlog is raised and partly handled");
        Assert.Equal(["critical", "major", "minor", "warning"], alerts.Select(a => a!["severity"]!.GetValue<string>()).Distinct().Order());

        // Each demo user signs in with the printed password and sees what the role and scope allow.
        var viewer = silo.As(Demo("viewer", "user"), Demo("viewer", "password"));
        Assert.Equal("viewer", (await viewer.Get("/api/v1/auth/me")).Json["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await viewer.Get($"/api/v1/units/{top}/status")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Post($"/api/v1/alerts/{alerts[0]!["id"]}/ack", null)).Status);
        var officer = silo.As(Demo("officer", "user"), Demo("officer", "password"));
        var district = Demo("officer", "scope");
        Assert.Equal(HttpStatusCode.OK, (await officer.Get($"/api/v1/units/{district}/status")).Status);
        var otherDistrict = districts.Select(d => d!["code"]!.GetValue<string>()).First(c => c != district);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Get($"/api/v1/units/{otherDistrict}/status")).Status);
        Assert.Equal(HttpStatusCode.OK, (await silo.As(Demo("leader", "user"), Demo("leader", "password")).Get($"/api/v1/units/{top}/stats")).Status);
        // The demo officer and leader are on watch at their district; the department's user works for a police station.
        var onDuty = (await officer.Get($"/api/v1/units/{district}/duty")).Json["onDuty"]!.AsArray();
        Assert.Equal([("demo-leader", "leader"), ("demo-officer", "officer")],
            onDuty.Select(s => (s!["user"]!.GetValue<string>(), s["post"]!.GetValue<string>())).Order());
        var police = silo.As(Demo("department", "user"), Demo("department", "password"));
        var department = (await police.Get("/api/v1/auth/me")).Json["department"]!.GetValue<string>();
        Assert.EndsWith("-PS", department, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await police.Get($"/api/v1/departments/{department}/assessment")).Status);
        // The demo grid worker has a day on the field page: their grid's buildings to patrol.
        var day = (await silo.As(Demo("worker", "user"), Demo("worker", "password")).Get("/api/v1/field/me")).Json;
        Assert.Equal(Demo("worker", "scope"), day["grid"]!.GetValue<string>());
        Assert.NotEmpty(day["places"]!.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await police.Get($"/api/v1/units/{district}/status")).Status);

        // A past: the last 30 days came in through the history import, so every day has cases and patrols.
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var past = await Eventually.Within(TimeSpan.FromSeconds(30),
            async () => (await api.Get($"/api/v1/units/{top}/stats?from={today.AddDays(-30):yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}")).Json,
            p => p["days"]!.AsArray().All(d => d!["raised"]!.GetValue<int>() > 0 && d["patrolled"]!.GetValue<int>() > 0), "thirty days of history");
        Assert.InRange(past["patrolRate"]!.GetValue<double>(), 0.8, 0.95);
        Assert.InRange(past["handlingRate"]!.GetValue<double>(), 0.9, 1.0);
        Assert.True(past["rated"]!.GetValue<int>() > 0);

        // Living: check-ins keep arriving.
        var before = city["today"]!["checkins"]!.GetValue<int>();
        await Eventually.Within(TimeSpan.FromSeconds(30), () => api.Status(top),
            s => s["today"]!["checkins"]!.GetValue<int>() > before, "new check-ins arrive");
    }
}
