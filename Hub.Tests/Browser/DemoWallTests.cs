using Hub.Tests.Support;
using Microsoft.Playwright;

namespace Hub.Tests.Browser;

/// <summary>The demo, as its printed users see it on the wall: a leader's ranking, an officer's duty line, a police station's cases.</summary>
public class DemoWallTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseAll();

    [Fact]
    public async Task The_demo_leader_sees_the_ranking_and_the_demo_police_station_its_whistled_cases()
    {
        await using var hub = await SiloProcess.Start(SiloProcess.DemoSettings());
        var users = DemoSignIn.Read(hub.Output);

        var (leader, _) = await browser.Open(hub.Url, user: users["leader"].User, password: users["leader"].Password);
        await Assertions.Expect(leader.GetByTestId("rank-row")).Not.ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
        await leader.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "demo-leader.png") });

        var (officer, _) = await browser.Open(hub.Url, user: users["officer"].User, password: users["officer"].Password);
        await Assertions.Expect(officer.GetByTestId("duty")).ToContainTextAsync("demo-officer", new LocatorAssertionsToContainTextOptions { Timeout = 10_000 });
        await officer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "demo-officer.png") });

        var police = users["department"];
        var me = (await hub.As(police.User, police.Password).Get("/api/v1/auth/me")).Json;
        var (department, street) = (me["department"]!.GetValue<string>(), me["scope"]!.GetValue<string>());
        // A case of the station's street, whistled to it by the demo admin: it reaches the station's wall.
        var admin = hub.As(users["admin"].User, users["admin"].Password);
        var id = await admin.Raise(Reports.Alert(street, severity: "major", category: "crowd"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.Post($"/api/v1/alerts/{id}/ack", new { })).Status);
        var (station, _) = await browser.Open(hub.Url, user: police.User, password: police.Password);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.Post($"/api/v1/alerts/{id}/dispatch", new { departments = new[] { department } })).Status);
        var whistled = station.Locator($"[data-testid='alert'][data-alert-id='{id}']");
        await Assertions.Expect(whistled.Locator("button[data-action='report-in']")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        // Whatever else the demo whistled meanwhile, every case on this wall is one the station is summoned to.
        var parts = await station.GetByTestId("alert").EvaluateAllAsync<string[]>(
            "els => els.map(e => [...e.querySelectorAll('[data-testid=part]')].map(p => p.dataset.department).join(','))");
        Assert.All(parts, p => Assert.Contains(department, p.Split(','), StringComparer.Ordinal));
        await station.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "demo-police.png") });
    }
}
