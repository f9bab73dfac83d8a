using Hub.Tests.Support;
using Microsoft.Playwright;

namespace Hub.Tests.Browser;

/// <summary>
/// An admin signed in on the wall opens the API reference and the Orleans dashboard with the same
/// session, in a real browser, under their Content-Security-Policy: both render, nothing refused.
/// </summary>
public class OperatorPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseAll();

    [Fact]
    public async Task The_api_reference_lists_the_operations_and_the_dashboard_shows_the_silo()
    {
        await using var hub = await browser.StartHub();
        var (page, _, console) = await browser.OpenRecorded(hub.Url);

        await page.GotoAsync($"{hub.Url}/scalar/v1");
        await Assertions.Expect(page.Locator("a[href='#tag/sign-in/POST/api/v1/auth/login']").First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await page.Locator("a[href='#tag/ingest']").First.ClickAsync();
        await Assertions.Expect(page.Locator("a[href='#tag/ingest/POST/api/v1/checkins']").First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "api-reference.png") });

        await page.GotoAsync($"{hub.Url}/dashboard/");
        await Assertions.Expect(page.GetByText("Active Silos", new PageGetByTextOptions { Exact = false }).First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "orleans-dashboard.png") });

        string[] refused;
        lock (console)
        {
            refused = [.. console.Where(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) && m.Contains("script", StringComparison.OrdinalIgnoreCase))];
        }
        Assert.True(refused.Length == 0, string.Join('\n', refused));
    }
}
