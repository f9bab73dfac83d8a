using Hub.Tests.Support;
using Microsoft.Playwright;

namespace Hub.Tests.Browser;

/// <summary>The wall in a leader's hand: on a phone, one readable column, the same live view, drill-down by tap.</summary>
public class WallPhoneTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    /// <summary>Every piece of text a person can see, with its size, where it is below 14 CSS px.</summary>
    internal const string SmallText = """
        () => {
          const small = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (!n.textContent.trim()) continue;
            const el = n.parentElement;
            if (!el || !el.getClientRects().length || el.closest('[hidden], title')) continue;
            const style = getComputedStyle(el);
            if (style.visibility === 'hidden' || style.display === 'none' || parseFloat(style.opacity) === 0) continue;
            const px = parseFloat(style.fontSize);
            if (px < 14) small.push(`${el.className || el.tagName}: '${n.textContent.trim().slice(0, 20)}' ${px}px`);
          }
          return small;
        }
        """;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseAll();

    [Fact]
    public async Task A_leader_on_a_phone_reads_one_column_taps_down_and_sees_cases_arrive_live()
    {
        await using var hub = await browser.StartHub();
        await hub.Api.Raise(Reports.Alert(TestCity.Building(1, 1, 1), severity: "critical", category: "fire"));
        var page = await browser.OpenPhone($"{hub.Url}/?unit={TestCity.District}");
        await Assertions.Expect(page.GetByTestId("alert")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await Readable(page, "district");

        // One column, in the order a leader reads it: the unit, its figures, its children, the cases.
        var tops = await page.EvaluateAsync<double[]>("""
            ['.unit-name', '.kpis', '#panel-children', '.panel-feed'].map(s => document.querySelector(s).getBoundingClientRect().top)
            """);
        Assert.Equal(tops.Order(), tops);
        var lefts = await page.EvaluateAsync<double[]>("['.kpis', '#panel-children', '.panel-feed'].map(s => document.querySelector(s).getBoundingClientRect().left)");
        Assert.All(lefts, l => Assert.InRange(l, 0, 20));

        // The charts wait until asked for.
        await Assertions.Expect(page.Locator("#charts")).ToBeHiddenAsync();
        await page.GetByTestId("charts-toggle").TapAsync();
        await Assertions.Expect(page.Locator("#charts")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("charts-toggle")).ToHaveTextAsync("收起趋势图表");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "phone-district.png"), FullPage = true });

        // A tap on a street goes down to it, live as before.
        await page.Locator($"[data-testid='child'][data-code='{TestCity.Street(2)}']").TapAsync();
        await page.WaitForURLAsync(u => u.Contains($"unit={TestCity.Street(2)}", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("第2街道", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
        var id = await hub.Api.Raise(Reports.Alert(TestCity.Grid(2, 1), severity: "major", category: "crowd"));
        await Assertions.Expect(page.Locator($"[data-testid='alert'][data-alert-id='{id}']")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await Readable(page, "street");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "phone-street.png"), FullPage = true });
    }

    [Fact]
    public async Task The_sign_in_on_a_phone_is_readable_and_fits()
    {
        await using var hub = await browser.StartHub();
        var page = await browser.OpenPhone(hub.Url, signIn: false);
        await page.GetByTestId("sign-in").WaitForAsync();
        await Readable(page, "sign-in");
    }

    /// <summary>No text below 14 CSS px, nothing wider than the screen.</summary>
    private static async Task Readable(IPage page, string where)
    {
        Assert.Empty(await page.EvaluateAsync<string[]>(SmallText));
        // A phone's browser widens its layout to fit what is too wide, then zooms out: both are measured.
        var sizes = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth, window.innerWidth]");
        var wide = sizes.All(s => s <= 390) ? [] : await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > 390.5)
              .slice(0, 8).map(e => `${e.tagName.toLowerCase()}.${e.className}: ${Math.round(e.getBoundingClientRect().right)} px`)
            """);
        Assert.True(sizes.All(s => s <= 390), $"{where}: {sizes[0]} px of content, layout {sizes[1]} px, window {sizes[2]} px on a 390 px screen; past its edge: {string.Join("; ", wide)}");
    }
}
