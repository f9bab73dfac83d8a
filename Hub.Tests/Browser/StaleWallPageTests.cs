using Hub.Tests.Support;
using Microsoft.Playwright;

namespace Hub.Tests.Browser;

/// <summary>A wall whose hub went away: within a minute and a bit its figures grey out under a banner saying how long.</summary>
public class StaleWallPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseAll();

    [Fact]
    public async Task The_figures_grey_out_within_65_seconds_of_the_hub_going_away()
    {
        var hub = await browser.StartHub();
        var (page, _) = await browser.Open($"{hub.Url}/?unit={TestCity.District}");
        await Assertions.Expect(page.GetByTestId("stale-banner")).ToBeHiddenAsync();
        await hub.DisposeAsync(); // the hub is gone: no connection, no poll answers
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-stale", "true", new LocatorAssertionsToHaveAttributeOptions { Timeout = 65_000 });
        await Assertions.Expect(page.GetByTestId("stale-banner")).ToContainTextAsync("秒未更新");
        var filter = await page.Locator(".kpis").EvaluateAsync<string>("e => getComputedStyle(e).filter");
        Assert.Contains("grayscale(1)", filter, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "stale-wall.png") });
    }
}
