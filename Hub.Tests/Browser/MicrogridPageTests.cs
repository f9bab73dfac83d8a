using Hub.Tests.Support;
using Microsoft.Playwright;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Browser;

/// <summary>微网格 and 专属网格 on the wall, in real headless Chromium: tiles, labels and the drill-down to a building.</summary>
public class MicrogridPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 10_000 };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseAll();

    [Fact]
    public async Task A_leader_drills_from_the_community_through_a_micro_grid_to_a_building()
    {
        var topology = HubHost.WriteTopology(MicrogridCity.Build());
        try
        {
            var settings = browser.HubSettings();
            settings["Hub:Topology"] = topology;
            await using var hub = await browser.StartHub(settings);
            await hub.Api.Checkins(Checkin("MW-2", MicrogridCity.Building(1, 1), "patrol"));
            await hub.Api.Raise(Alert(MicrogridCity.Building(1, 2), severity: "major", category: "water"));
            var (page, _) = await browser.Open($"{hub.Url}/?unit={MicrogridCity.Community}");

            var school = page.Locator($"[data-testid='child'][data-code='{MicrogridCity.School}']");
            await Assertions.Expect(school.Locator(".tile-level")).ToHaveTextAsync("专属网格 · 学校", Soon);
            await Assertions.Expect(school).ToHaveAttributeAsync("data-kind", "dedicated");
            await page.Locator($"[data-testid='child'][data-code='{MicrogridCity.Grid}']").ClickAsync();
            await Assertions.Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("第1网格", Soon);
            var micro = page.Locator($"[data-testid='child'][data-code='{MicrogridCity.Micro1}']");
            await Assertions.Expect(micro.Locator(".tile-level")).ToHaveTextAsync("微网格 · 45 户", Soon);
            await Assertions.Expect(micro.Locator(".tile-big")).ToHaveTextAsync("1", Soon);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "microgrids.png") });

            await micro.ClickAsync();
            await Assertions.Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("1号微网格", Soon);
            await Assertions.Expect(page.GetByTestId("child")).ToHaveCountAsync(2);
            await page.Locator($"[data-testid='child'][data-code='{MicrogridCity.Building(1, 1)}']").ClickAsync();
            await Assertions.Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("1号楼", Soon);
            await Assertions.Expect(page.GetByTestId("last-patrol")).Not.ToBeEmptyAsync();
            // The building's own workers are its micro-grid's: the part-time worker who looks after it.
            await Assertions.Expect(page.Locator(".building")).ToContainTextAsync("李梅", new LocatorAssertionsToContainTextOptions { Timeout = 10_000 });
            await Assertions.Expect(page.GetByTestId("breadcrumb").Locator("a[data-code]")).ToHaveCountAsync(5);
            await Assertions.Expect(page.GetByTestId("breadcrumb")).ToContainTextAsync("1号微网格");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "microgrid-building.png") });
        }
        finally
        {
            File.Delete(topology);
        }
    }
}
