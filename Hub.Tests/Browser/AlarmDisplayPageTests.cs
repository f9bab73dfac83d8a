using Hub.Tests.Support;
using Microsoft.Playwright;
using static Hub.Tests.Support.ColourVision;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Browser;

/// <summary>
/// The wall read as an alarm display, in real headless Chromium: tiles of one size in the order of
/// what needs eyes first, status colours that no viewer mistakes for each other or for a severity,
/// and a 4K wall that shows more cases rather than the same ones bigger.
/// </summary>
public class AlarmDisplayPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly string[] Kinds = ["parking", "dumping", "road-occupation", "manhole", "water"];

    private static readonly Vision[] Visions = [Vision.Normal, Vision.Protanopia, Vision.Deuteranopia, Vision.Tritanopia];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseAll();

    [Fact]
    public async Task Tiles_are_of_one_size_sorted_by_status_and_status_colours_stay_apart_from_each_other_and_from_severities()
    {
        await using var hub = await browser.StartHub();
        var community = TestCity.Community(1);
        // Grid 4 red (an unaccepted critical case), grid 3 orange (an unaccepted major one, and a
        // minor one), grid 2 yellow (a 提示), the rest green.
        await hub.Api.Raise(Alert(TestCity.Grid(1, 4), severity: "critical", category: "gas"));
        await hub.Api.Raise(Alert(TestCity.Grid(1, 3), severity: "major", category: "water"));
        await hub.Api.Raise(Alert(TestCity.Grid(1, 3), severity: "minor", category: "manhole"));
        await hub.Api.Raise(Alert(TestCity.Grid(1, 2), severity: "warning", category: "parking"));

        var (page, _) = await browser.Open($"{hub.Url}/?unit={community}");
        var tiles = page.GetByTestId("child");
        await Assertions.Expect(tiles).ToHaveCountAsync(6);
        await Assertions.Expect(tiles.Nth(0)).ToHaveAttributeAsync("data-code", TestCity.Grid(1, 4), new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
        var order = await tiles.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code + ':' + e.dataset.health)");
        Assert.Equal(
            [$"{TestCity.Grid(1, 4)}:red", $"{TestCity.Grid(1, 3)}:orange", $"{TestCity.Grid(1, 2)}:yellow",
             $"{TestCity.Grid(1, 1)}:green", $"{TestCity.Grid(1, 5)}:green", $"{TestCity.Grid(1, 6)}:green"],
            order);
        var sizes = await tiles.EvaluateAllAsync<double[][]>("els => els.map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })");
        Assert.All(sizes, s => Assert.True(Math.Abs(s[0] - sizes[0][0]) < 1 && Math.Abs(s[1] - sizes[0][1]) < 1, $"{s[0]}×{s[1]} against {sizes[0][0]}×{sizes[0][1]}"));

        // The colours as the page draws them: each tile's status rail, each case's severity badge.
        var health = new Dictionary<string, string>();
        foreach (var (code, word) in new[] { (TestCity.Grid(1, 4), "red"), (TestCity.Grid(1, 3), "orange"), (TestCity.Grid(1, 2), "yellow"), (TestCity.Grid(1, 1), "green") })
        {
            health[word] = await page.Locator($"[data-testid='child'][data-code='{code}']").EvaluateAsync<string>("e => getComputedStyle(e, '::before').backgroundColor");
        }
        await Assertions.Expect(page.GetByTestId("alert")).ToHaveCountAsync(4, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        var severity = new Dictionary<string, string>();
        foreach (var word in new[] { "critical", "major", "minor", "warning" })
        {
            severity[word] = await page.Locator($"[data-testid='alert'][data-severity='{word}'] .alert-sev").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        }
        var panel = await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--bg1').trim()");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "tiles-by-status.png") });

        var healthPairs = health.SelectMany((a, i) => health.Skip(i + 1).Select(b => (a, b))).ToArray();
        foreach (var vision in Visions)
        {
            foreach (var (a, b) in healthPairs)
            {
                var d = Distance(a.Value, b.Value, vision);
                Assert.True(d >= 15, $"{a.Key} and {b.Key} are {d:F1} apart to {vision} viewers");
            }
            foreach (var (h, hc) in health)
            {
                foreach (var (s, sc) in severity)
                {
                    var d = Distance(hc, sc, vision);
                    Assert.True(d >= 15, $"status {h} and severity {s} are {d:F1} apart to {vision} viewers");
                }
            }
        }
        // Apart in brightness too, and each clear of the wall's background.
        foreach (var (a, b) in healthPairs)
        {
            Assert.True(Contrast(a.Value, b.Value) >= 1.4, $"{a.Key} against {b.Key}: {Contrast(a.Value, b.Value):F2}");
        }
        Assert.All(health, h => Assert.True(Contrast(h.Value, Rgb(panel)) >= 3, $"{h.Key} on the background: {Contrast(h.Value, Rgb(panel)):F2}"));
    }

    [Fact]
    public async Task The_4k_wall_shows_more_cases_not_bigger_ones_with_the_late_critical_case_first()
    {
        var settings = browser.HubSettings();
        settings["Hub:Sla:Stage:Dispatch:Critical"] = "00:00:02";
        await using var hub = await browser.StartHub(settings);
        var community = TestCity.Community(2);
        var gas = await hub.Api.Raise(Alert(TestCity.Grid(2, 6), severity: "critical", category: "gas"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await hub.Api.Post($"/api/v1/alerts/{gas}/ack", new { })).Status);
        // Nineteen routine cases, newer, no two of one kind in one grid (no flood to fold).
        for (var i = 0; i < 19; i++)
        {
            var id = await hub.Api.Raise(Alert(TestCity.Building(2, 1 + (i % 5), 1 + (i / 5 % 3)), severity: "minor", category: Kinds[(i + i / 5) % Kinds.Length]));
            Assert.Equal(System.Net.HttpStatusCode.OK, (await hub.Api.Post($"/api/v1/alerts/{id}/ack", new { })).Status);
        }
        await Eventually.Within(TimeSpan.FromSeconds(8), async () => (await hub.Api.Get($"/api/v1/alerts/{gas}")).Json["stage"]!["supervision"]!.GetValue<int>(),
            level => level >= 1, "the critical case is past its limit");

        var shown = new Dictionary<int, int>();
        foreach (var (width, height) in new[] { (1920, 1080), (3840, 2160) })
        {
            var (page, _) = await browser.Open($"{hub.Url}/?unit={community}", width, height);
            var rows = page.Locator("[data-testid='alert'][data-list='alarm']");
            await Assertions.Expect(rows).ToHaveCountAsync(20, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
            await Assertions.Expect(page.GetByTestId("alert-group")).ToHaveCountAsync(0);
            await Assertions.Expect(rows.Nth(0)).ToHaveAttributeAsync("data-alert-id", gas, new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
            shown[width] = await page.EvaluateAsync<int>(
                "() => { const f = document.getElementById('feed').getBoundingClientRect(); return [...document.querySelectorAll(\"[data-testid=alert][data-list=alarm]\")].filter(e => { const r = e.getBoundingClientRect(); return r.height > 0 && r.top >= f.top - 1 && r.bottom <= f.bottom + 1; }).length; }");
            await Assertions.Expect(page.GetByTestId("feed-more")).ToHaveTextAsync($"另有 {20 - shown[width]} 条 ▼");
            // The alarm's text keeps its size relative to the screen: 20 px at 1080p, scaled with the page's rem at 4K.
            var measured = await page.EvaluateAsync<double[]>(
                "() => [parseFloat(getComputedStyle(document.documentElement).fontSize), Math.min(...['.alert-sev', '.alert-time', '.alert-state', '.alert-title'].map(s => parseFloat(getComputedStyle(document.querySelector(`[data-testid=alert] ${s}`)).fontSize)))]");
            var (rem, smallest) = (measured[0], measured[1]);
            Assert.True(smallest >= 20 * rem / 16, $"{smallest} px with 1rem = {rem} px at {width}");
            var scroll = await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > window.innerHeight + 1 || document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(scroll, "a wall screen has no page scrollbars");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, $"alarm-rows-{width}x{height}.png") });
        }
        Assert.True(shown[3840] >= 15, $"{shown[3840]} rows at 4K");
        Assert.True(shown[3840] > shown[1920], $"{shown[3840]} rows at 4K against {shown[1920]} at 1080p");
    }

    private static string Rgb(string hex) =>
        $"rgb({Convert.ToInt32(hex[1..3], 16)}, {Convert.ToInt32(hex[3..5], 16)}, {Convert.ToInt32(hex[5..7], 16)})";
}
