using Hub.Tests.Support;
using Microsoft.Playwright;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Browser;

/// <summary>A flood on the wall, in real headless Chromium: twelve gas alarms in one street told as one group under a banner, acknowledged at once and each audited.</summary>
public class FloodPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseAll();

    [Fact]
    public async Task Twelve_alarms_of_one_kind_in_one_street_are_one_group_acknowledged_as_one()
    {
        await using var hub = await browser.StartHub();
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await hub.Api.Raise(Alert(TestCity.Building(2, 1 + (i % 5), 1 + (i % 3)), severity: "critical", category: "gas")));
        }
        var other = await hub.Api.Raise(Alert(TestCity.Grid(1, 1), severity: "major", category: "water"));
        var (page, _) = await browser.Open($"{hub.Url}/?unit={TestCity.District}");

        var group = page.GetByTestId("alert-group");
        await Assertions.Expect(group).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await Assertions.Expect(group.Locator(".group-title")).ToHaveTextAsync("第2街道 燃气 ×12");
        await Assertions.Expect(page.GetByTestId("flood-banner")).ToHaveTextAsync("告警激增：近 10 分钟 13 条");
        // The members are folded away; the lone water alarm stands on its own.
        await Assertions.Expect(page.Locator($"[data-alert-id='{ids[0]}']")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator($"[data-alert-id='{other}']")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "flood-folded.png") });

        await group.Locator("button[data-group-action='toggle']").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-alert-id='{ids[0]}']")).ToBeVisibleAsync();

        await group.Locator("button[data-group-action='ack']").ClickAsync();
        foreach (var id in ids)
        {
            var audit = await Eventually.Within(TimeSpan.FromSeconds(15), async () => (await hub.Api.Get($"/api/v1/alerts/{id}")).Json["audit"]!.AsArray(),
                a => a.Any(e => e!["action"]!.GetValue<string>() == "acknowledged"), $"{id} acknowledged");
            Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "acknowledged" && e["by"]!.GetValue<string>() == SignIn.AdminUser);
        }
        Assert.Equal("raised", (await hub.Api.Get($"/api/v1/alerts/{other}")).Json["state"]!.GetValue<string>());
        await Assertions.Expect(group.Locator("button[data-group-action='ack']")).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
    }

    [Fact]
    public async Task The_fold_and_the_banner_follow_the_hubs_settings()
    {
        var settings = browser.HubSettings();
        settings["Hub:Wall:FoldAt"] = "4";
        settings["Hub:Wall:FloodCount"] = "2";
        settings["Hub:Wall:FloodMinutes"] = "5";
        await using var hub = await browser.StartHub(settings);
        var me = (await hub.Api.Get("/api/v1/auth/me")).Json["wall"]!;
        Assert.Equal((4, 2, 5), (me["foldAt"]!.GetValue<int>(), me["floodCount"]!.GetValue<int>(), me["floodMinutes"]!.GetValue<int>()));
        for (var i = 0; i < 3; i++)
        {
            await hub.Api.Raise(Alert(TestCity.Building(2, 1 + i, 1), severity: "critical", category: "gas"));
        }
        var (page, _) = await browser.Open($"{hub.Url}/?unit={TestCity.District}");

        // Three of one kind in one street: a flood past two, but not a group under four.
        await Assertions.Expect(page.GetByTestId("flood-banner")).ToHaveTextAsync("告警激增：近 5 分钟 3 条", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("[data-testid='alert'][data-list='alarm']")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("alert-group")).ToHaveCountAsync(0);
    }
}
