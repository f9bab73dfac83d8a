using Hub.Tests.Support;
using Microsoft.Playwright;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Browser;

/// <summary>The feed as an alarm display, in real headless Chromium: importance first, the late case never below the fold, the rest counted.</summary>
public class AlarmOrderPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly string[] Kinds = ["parking", "dumping", "road-occupation", "manhole", "water"];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseAll();

    [Fact]
    public async Task An_overdue_critical_case_comes_before_newer_routine_ones_and_the_rest_are_counted()
    {
        var settings = browser.HubSettings();
        settings["Hub:Sla:Stage:Dispatch:Critical"] = "00:00:02";
        await using var hub = await browser.StartHub(settings);
        var grid = TestCity.Grid(2, 3);
        var gas = await hub.Api.Raise(Alert(grid, severity: "critical", category: "gas"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await hub.Api.Post($"/api/v1/alerts/{gas}/ack", new { })).Status);
        var routine = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            // Kinds and buildings mixed, so that no three make a group: this is about order, not floods.
            var id = await hub.Api.Raise(Alert(TestCity.Building(2, 3, 1 + (i % 3)), severity: "minor", category: Kinds[i % Kinds.Length]));
            Assert.Equal(System.Net.HttpStatusCode.OK, (await hub.Api.Post($"/api/v1/alerts/{id}/ack", new { })).Status);
            routine.Add(id);
        }
        var fresh = await hub.Api.Raise(Alert(TestCity.Building(2, 3, 2), severity: "minor", category: "dumping"));
        // Work items (提示), kept apart from the alarms.
        var work = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            work.Add(await hub.Api.Raise(Alert(TestCity.Building(2, 3, 3), severity: "warning", category: Kinds[i])));
        }
        // The gas leak's dispatch limit runs out.
        await Eventually.Within(TimeSpan.FromSeconds(8), async () => (await hub.Api.Get($"/api/v1/alerts/{gas}")).Json["stage"]!["supervision"]!.GetValue<int>(),
            level => level >= 1, "the critical case is past its limit");

        var (page, _) = await browser.Open($"{hub.Url}/?unit={grid}");
        await Assertions.Expect(page.GetByTestId("alert")).ToHaveCountAsync(15, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        var rows = page.Locator("[data-testid='alert'][data-list='alarm']");
        await Assertions.Expect(page.GetByTestId("tab-alarm")).ToHaveTextAsync("告警 12");
        await Assertions.Expect(page.GetByTestId("tab-work")).ToHaveTextAsync("工单 3");
        foreach (var id in work)
        {
            await Assertions.Expect(page.Locator($"[data-alert-id='{id}']")).ToBeHiddenAsync();
        }
        // Not yet accepted first; then the late critical case, above ten newer routine ones.
        await Assertions.Expect(rows.Nth(0)).ToHaveAttributeAsync("data-alert-id", fresh);
        await Assertions.Expect(rows.Nth(1)).ToHaveAttributeAsync("data-alert-id", gas, new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
        await Assertions.Expect(rows.Nth(1)).ToHaveAttributeAsync("data-overdue", "true");
        var ids = await rows.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.alertId)");
        Assert.Equal(routine.AsEnumerable().Reverse(), ids.Skip(2).Where(routine.Contains)); // the routine ones newest first
        // The late case is in view; what is not is counted, and the list has not moved by itself.
        Assert.True(await rows.Nth(1).IsVisibleAsync());
        var below = await page.EvaluateAsync<int>(
            "() => { const b = document.getElementById('feed').getBoundingClientRect().bottom; return [...document.querySelectorAll('[data-testid=alert]')].filter(e => e.getBoundingClientRect().bottom > b + 1).length; }");
        Assert.True(below > 0, "twelve alarms do not fit at 1080p");
        await Assertions.Expect(page.GetByTestId("feed-more")).ToHaveTextAsync($"另有 {below} 条 ▼");
        Assert.Equal(0, await page.EvaluateAsync<double>("() => document.getElementById('feed').scrollTop"));
        await Assertions.Expect(page.GetByTestId("health")).ToHaveAttributeAsync("data-health", "red");
        await Assertions.Expect(page.GetByTestId("kpi-overdue")).ToHaveTextAsync("1");
        // Readable from five metres: the text that carries the alarm is at least 20 px at 1080p, and status has a mark besides its colour.
        var sizes = await page.EvaluateAsync<double[]>(
            "() => ['.alert-sev', '.alert-time', '.alert-state', '.alert-stage', '.alert-light', '.alert-title'].map(s => parseFloat(getComputedStyle(document.querySelector(`[data-alert-id='" + gas + "'] ${s}`)).fontSize))");
        Assert.All(sizes, size => Assert.True(size >= 20, $"{size} px"));
        Assert.Equal("\"▲ \"", await rows.Nth(1).Locator(".alert-sev").EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
        Assert.Contains("overdue.svg", await rows.Nth(1).Locator(".alert-light").EvaluateAsync<string>("e => getComputedStyle(e, '::before').maskImage"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "alarm-order.png") });

        // The work items on their own tab.
        await page.GetByTestId("tab-work").ClickAsync();
        foreach (var id in work)
        {
            await Assertions.Expect(page.Locator($"[data-alert-id='{id}']")).ToBeVisibleAsync();
        }
        await Assertions.Expect(rows.Nth(1)).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_major_case_running_past_its_limit_sounds_the_alarm_banner()
    {
        var settings = browser.HubSettings();
        settings["Hub:Sla:Stage:Dispatch:Major"] = "00:00:03";
        await using var hub = await browser.StartHub(settings);
        var grid = TestCity.Grid(1, 4);
        var (page, _) = await browser.Open($"{hub.Url}/?unit={grid}");
        var id = await hub.Api.Raise(Alert(grid, severity: "major", category: "water"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await hub.Api.Post($"/api/v1/alerts/{id}/ack", new { })).Status);
        var banner = page.GetByTestId("alarm-banner");
        await Assertions.Expect(banner).ToContainTextAsync("超时督办", new LocatorAssertionsToContainTextOptions { Timeout = 15_000 });
    }
}
