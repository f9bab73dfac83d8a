using Hub.Tests.Support;
using Microsoft.Playwright;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Browser;

/// <summary>The wall screen in real headless Chromium against the real hub process.</summary>
public class WallPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseAll();

    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 10_000 };
    private static readonly LocatorAssertionsToContainTextOptions SoonContains = new() { Timeout = 10_000 };

    [Fact]
    public async Task The_page_shows_the_city_with_nothing_fetched_from_outside_the_hub()
    {
        await using var hub = await browser.StartHub();
        var (page, requests) = await browser.Open(hub.Url);
        await Assertions.Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("测试市", Soon);
        await Assertions.Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
        await Assertions.Expect(page.GetByTestId("child")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("kpi-workers")).ToHaveTextAsync("24", Soon);
        await page.WaitForTimeoutAsync(500);
        lock (requests)
        {
            Assert.NotEmpty(requests);
            Assert.All(requests, r => Assert.StartsWith(hub.Url, r.Replace("ws://", "http://", StringComparison.Ordinal), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Clicks_drill_down_from_the_city_to_a_building()
    {
        await using var hub = await browser.StartHub();
        var building = TestCity.Building(1, 2, 3);
        await hub.Api.Checkins(Checkin(TestCity.Worker(1, 2, 1), building, "patrol"));
        await hub.Api.Raise(Alert(building, severity: "major", category: "water"));
        var (page, _) = await browser.Open(hub.Url);

        foreach (var (code, name) in new[]
        {
            (TestCity.District, "测试区"), (TestCity.Street(1), "第1街道"), (TestCity.Community(1), "第1社区"),
            (TestCity.Grid(1, 2), "第2网格"), (building, "3号楼"),
        })
        {
            await page.Locator($"[data-testid='child'][data-code='{code}']").ClickAsync();
            await Assertions.Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(name, Soon);
            await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-unit", code);
        }
        await Assertions.Expect(page.GetByTestId("health")).ToHaveAttributeAsync("data-health", "orange");
        await Assertions.Expect(page.GetByTestId("last-patrol")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.GetByTestId("alert")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("breadcrumb").Locator("a[data-code]")).ToHaveCountAsync(5);

        await page.GetByTestId("breadcrumb").Locator($"a[data-code='{TestCity.City}']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("测试市", Soon);
    }

    [Fact]
    public async Task An_ack_from_the_page_changes_the_feed_and_a_new_alert_arrives_live()
    {
        await using var hub = await browser.StartHub();
        var grid = TestCity.Grid(2, 2);
        var id = await hub.Api.Raise(Alert(grid, severity: "critical", category: "fire"));
        var (page, _) = await browser.Open($"{hub.Url}/?unit={grid}");
        var item = page.Locator($"[data-testid='alert'][data-alert-id='{id}']");
        await Assertions.Expect(item).ToHaveAttributeAsync("data-state", "raised", new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("health")).ToHaveAttributeAsync("data-health", "red");

        await item.Locator("[data-action='ack']").ClickAsync();
        var dialog = page.GetByTestId("action-dialog");
        if (await dialog.IsVisibleAsync())
        {
            await dialog.Locator("[name='note']").FillAsync("收到，正在处置");
            await dialog.Locator("[data-action='confirm']").ClickAsync();
        }
        await Assertions.Expect(item).ToHaveAttributeAsync("data-state", "acknowledged", new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
        var alert = (await hub.Api.Get($"/api/v1/alerts/{id}")).Json;
        Assert.Equal("acknowledged", alert["state"]!.GetValue<string>());

        var live = await hub.Api.Raise(Alert(TestCity.Building(2, 2, 1), severity: "minor", category: "dumping"));
        await Assertions.Expect(page.Locator($"[data-testid='alert'][data-alert-id='{live}']")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 5_000 });
    }

    [Fact]
    public async Task A_case_shows_its_stage_countdown_and_turns_yellow_then_red_when_supervised()
    {
        var settings = browser.HubSettings();
        settings["Hub:Sla:Stage:Dispatch:Minor"] = "00:00:08";
        await using var hub = await browser.StartHub(settings);
        var grid = TestCity.Grid(1, 3);
        // The page is open before the clock starts, so a slow page load cannot eat the countdown.
        var (page, _) = await browser.Open($"{hub.Url}/?unit={grid}");
        var id = await hub.Api.Raise(Alert(grid, severity: "minor", category: "dumping"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await hub.Api.Post($"/api/v1/alerts/{id}/ack", new { })).Status);
        var item = page.Locator($"[data-testid='alert'][data-alert-id='{id}']");
        var stage = item.GetByTestId("stage");
        await Assertions.Expect(stage).ToContainTextAsync("派遣 剩", SoonContains);
        await Assertions.Expect(item).ToHaveAttributeAsync("data-supervision", "1", new LocatorAssertionsToHaveAttributeOptions { Timeout = 20_000 });
        await Assertions.Expect(stage).ToContainTextAsync("黄牌督办 · 派遣超时", SoonContains);
        await Assertions.Expect(item).ToHaveAttributeAsync("data-supervision", "2", new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
        await Assertions.Expect(stage).ToContainTextAsync("红牌督办 · 派遣超时", SoonContains);
        // The traffic light follows the stage's clock, not the day-long handling limit (still green).
        await Assertions.Expect(item).ToHaveAttributeAsync("data-light", "red");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "supervised-case.png") });
    }

    [Fact]
    public async Task The_child_units_chart_is_drawn_again_when_their_alerts_change_and_the_others_wait()
    {
        await using var hub = await browser.StartHub();
        var (page, requests) = await browser.Open($"{hub.Url}/?unit={TestCity.Community(2)}");
        var childrenChart = page.Locator("img[data-chart='children-health']");
        await Assertions.Expect(page.Locator(".chart-frame[data-state='ok']")).ToHaveCountAsync(4, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        int Drawn(string chart)
        {
            lock (requests)
            {
                return requests.Count(r => r.Contains($"/charts/{chart}.png", StringComparison.Ordinal));
            }
        }
        var (children, checkins) = (Drawn("children-health"), Drawn("checkins-24h"));

        // Well before the minute's refresh: only the charts whose figures changed are asked for again.
        var redrawn = page.WaitForRequestAsync(r => r.Url.Contains("/charts/children-health.png", StringComparison.Ordinal), new PageWaitForRequestOptions { Timeout = 30_000 });
        await hub.Api.Raise(Alert(TestCity.Building(2, 3, 1), severity: "major", category: "water"));
        var request = await redrawn;
        await Assertions.Expect(childrenChart).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(new Uri(request.Url).Query)), new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
        Assert.Equal(children + 1, Drawn("children-health"));
        Assert.Equal(checkins, Drawn("checkins-24h"));
    }

    [Fact]
    public async Task A_critical_alert_that_turns_the_view_red_raises_the_alarm()
    {
        await using var hub = await browser.StartHub();
        var (page, _) = await browser.Open($"{hub.Url}/?unit={TestCity.Community(2)}");
        await Assertions.Expect(page.GetByTestId("health")).ToHaveAttributeAsync("data-health", "green");
        Assert.Null(await page.Locator("body").GetAttributeAsync("data-alarm"));

        await hub.Api.Raise(Alert(TestCity.Building(2, 4, 2), severity: "critical", category: "fire"));
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-alarm", "true", new LocatorAssertionsToHaveAttributeOptions { Timeout = 5_000 });
        await Assertions.Expect(page.GetByTestId("health")).ToHaveAttributeAsync("data-health", "red", new LocatorAssertionsToHaveAttributeOptions { Timeout = 5_000 });
        await Assertions.Expect(page.Locator(".alarm-text")).ToContainTextAsync("人员聚集");
    }

    [Fact]
    public async Task Under_a_strict_content_security_policy_hostile_text_is_shown_as_text()
    {
        await using var hub = await browser.StartHub();
        using (var home = await hub.Api.Http.GetAsync("/"))
        {
            var csp = string.Join(' ', home.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("DENY", string.Join(' ', home.Headers.GetValues("X-Frame-Options")));
        }
        const string Hostile = "<img src=x onerror=\"document.body.dataset.pwned='1'\"><script>document.body.dataset.pwned='2'</script>";
        var grid = TestCity.Grid(2, 5);
        var id = await hub.Api.Raise(new
        {
            source = "ZZ-T",
            sourceId = "hostile-1",
            unit = grid,
            category = "crowd",
            severity = "major",
            at = Time(Now),
            title = Hostile,
            detail = Hostile,
        });

        var (page, _, console) = await browser.OpenRecorded($"{hub.Url}/?unit={grid}");
        var item = page.Locator($"[data-testid='alert'][data-alert-id='{id}']");
        await Assertions.Expect(item).ToContainTextAsync("<img src=x onerror=", new LocatorAssertionsToContainTextOptions { Timeout = 10_000 });
        await Assertions.Expect(item.Locator("img, script")).ToHaveCountAsync(0);
        Assert.Null(await page.Locator("body").GetAttributeAsync("data-pwned"));
        lock (console)
        {
            Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task After_the_hub_restarts_on_PostgreSQL_the_page_reconnects_still_signed_in_and_carries_on()
    {
        await using var database = new PostgresServer();
        await database.InitializeAsync();
        var settings = browser.HubSettings();
        settings["Hub:Storage"] = "postgres";
        settings["ConnectionStrings:Hub"] = await database.CreateDatabase();
        var hub = await browser.StartHub(settings);
        var (page, _) = await browser.Open($"{hub.Url}/?unit={TestCity.Grid(1, 1)}");
        await Assertions.Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");

        await hub.DisposeAsync();
        await Assertions.Expect(page.GetByTestId("connection")).Not.ToHaveAttributeAsync("data-state", "connected",
            new LocatorAssertionsToHaveAttributeOptions { Timeout = 15_000 });
        await using var again = await browser.StartHub(settings);
        await Assertions.Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected",
            new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
        Assert.Null(await page.Locator("body").GetAttributeAsync("data-signin"));

        var id = await again.Api.Raise(Alert(TestCity.Grid(1, 1), severity: "critical", category: "gas"));
        await Assertions.Expect(page.Locator($"[data-testid='alert'][data-alert-id='{id}']")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("health")).ToHaveAttributeAsync("data-health", "red", new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
    }

    [Fact]
    public async Task When_its_session_is_gone_the_page_asks_to_sign_in_again_and_carries_on()
    {
        // In memory a restart forgets every session: the wall must ask, not loop or show stale data as live.
        var settings = browser.HubSettings();
        var hub = await browser.StartHub(settings);
        var (page, _) = await browser.Open($"{hub.Url}/?unit={TestCity.Grid(1, 1)}");
        await hub.DisposeAsync();
        await using var again = await browser.StartHub(settings);
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-signin", "true", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });

        await BrowserFixture.SignInOn(page, SignIn.AdminUser, SignIn.AdminPassword);
        await Assertions.Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected",
            new LocatorAssertionsToHaveAttributeOptions { Timeout = 20_000 });
        var id = await again.Api.Raise(Alert(TestCity.Grid(1, 1), severity: "major", category: "gas"));
        await Assertions.Expect(page.Locator($"[data-testid='alert'][data-alert-id='{id}']")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
    }

    [Fact]
    public async Task A_viewer_sees_only_their_street_and_has_no_action_buttons()
    {
        await using var hub = await browser.StartHub();
        const string password = "viewer-password-123";
        var created = await hub.Api.Post("/api/v1/users", new { user = "kiosk-s1", password, role = "viewer", scope = TestCity.Street(1) });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.Status);
        var mine = await hub.Api.Raise(Alert(TestCity.Grid(1, 3), severity: "critical", category: "fire"));
        var foreign = await hub.Api.Raise(Alert(TestCity.Grid(2, 3), severity: "critical", category: "fire"));

        var (page, _) = await browser.Open(hub.Url, user: "kiosk-s1", password: password);
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-unit", TestCity.Street(1));
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-role", "viewer");
        await Assertions.Expect(page.Locator($"[data-testid='alert'][data-alert-id='{mine}']")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await Assertions.Expect(page.Locator($"[data-testid='alert'][data-alert-id='{foreign}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid='alert-feed'] button[data-action]")).ToHaveCountAsync(0);
        // Nothing above the scope: the district's and the city's names appear nowhere.
        await Assertions.Expect(page.GetByTestId("breadcrumb")).Not.ToContainTextAsync("测试区");
        Assert.DoesNotContain("测试市", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "viewer-street.png") });

        // The foreign street by its address: refused, and none of its data shows.
        await page.GotoAsync($"{hub.Url}/?unit={TestCity.Street(2)}");
        await Assertions.Expect(page.Locator("[data-testid='notice'][data-kind='forbidden']")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
        await Assertions.Expect(page.Locator($"[data-testid='alert'][data-alert-id='{foreign}']")).ToHaveCountAsync(0);
        Assert.DoesNotContain("第2街道", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "viewer-foreign.png") });
    }

    [Fact]
    public async Task An_officer_gets_action_buttons()
    {
        await using var hub = await browser.StartHub();
        const string password = "officer-password-1";
        Assert.Equal(System.Net.HttpStatusCode.Created,
            (await hub.Api.Post("/api/v1/users", new { user = "duty-s1", password, role = "officer", scope = TestCity.Street(1) })).Status);
        var id = await hub.Api.Raise(Alert(TestCity.Grid(1, 4), severity: "major", category: "water"));
        var (page, _) = await browser.Open(hub.Url, user: "duty-s1", password: password);
        var item = page.Locator($"[data-testid='alert'][data-alert-id='{id}']");
        await Assertions.Expect(item.Locator("button[data-action='ack']")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await item.Locator("button[data-action='ack']").ClickAsync();
        await Eventually.Within(TimeSpan.FromSeconds(10), async () => (await hub.Api.Get($"/api/v1/alerts/{id}")).Json["lastBy"]!.GetValue<string>(),
            by => by == "duty-s1", "the ack from the page, recorded as the officer who made it");
    }

    [Fact]
    public async Task A_person_changes_their_password_from_the_wall_and_the_wall_carries_on_signed_in()
    {
        await using var hub = await browser.StartHub();
        const string password = "first-password-12", next = "second-password-34";
        Assert.Equal(System.Net.HttpStatusCode.Created,
            (await hub.Api.Post("/api/v1/users", new { user = "pw-s1", password, role = "viewer", scope = TestCity.Street(1) })).Status);
        var (page, _) = await browser.Open(hub.Url, user: "pw-s1", password: password);

        await page.GetByTestId("user").ClickAsync();
        var dialog = page.GetByTestId("password-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByTestId("password-current").FillAsync("not-the-password");
        await dialog.GetByTestId("password-next").FillAsync(next);
        await dialog.GetByTestId("password-confirm").FillAsync(next);
        await dialog.GetByTestId("password-submit").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("password-error")).ToHaveTextAsync("当前密码错误", Soon);

        await dialog.GetByTestId("password-current").FillAsync(password);
        await dialog.GetByTestId("password-confirm").FillAsync(next + "x");
        await dialog.GetByTestId("password-submit").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("password-error")).ToHaveTextAsync("两次输入的新密码不一致");

        await dialog.GetByTestId("password-confirm").FillAsync(next);
        await dialog.GetByTestId("password-submit").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("password-done")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "password-changed.png") });
        await dialog.Locator("[data-action='cancel']").ClickAsync();
        await Assertions.Expect(dialog).Not.ToBeVisibleAsync();

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await hub.Anonymous().Post("/api/v1/auth/login", new { user = "pw-s1", password })).Status);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await hub.Anonymous().Post("/api/v1/auth/login", new { user = "pw-s1", password = next })).Status);
        // The wall goes on in its new session: live, and still signed in after a reload.
        var live = await hub.Api.Raise(Alert(TestCity.Grid(1, 2), severity: "minor", category: "dumping"));
        await Assertions.Expect(page.Locator($"[data-testid='alert'][data-alert-id='{live}']")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 20_000 });
        Assert.NotEqual("true", await page.Locator("body").GetAttributeAsync("data-signin"));
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task Screenshots_of_a_busy_district_at_wall_resolutions(int width, int height)
    {
        await using var hub = await browser.StartHub();
        for (var g = 1; g <= 5; g++)
        {
            await hub.Api.Checkins(Checkin(TestCity.Worker(1, g, 1), TestCity.Building(1, g, 1), "patrol"));
            await hub.Api.Raise(Alert(TestCity.Building(1, g, 2), severity: g switch { 1 => "critical", 2 => "major", 3 => "minor", _ => "warning" }, category: $"c{g}"));
        }
        var (page, _) = await browser.Open($"{hub.Url}/?unit={TestCity.District}", width, height);
        await Assertions.Expect(page.GetByTestId("alert")).ToHaveCountAsync(5, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("img[data-chart]")).ToHaveCountAsync(4);
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('img[data-chart]')].every(i => i.complete && i.naturalWidth > 0)",
            null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        var path = Path.Combine(BrowserFixture.Artifacts, $"wall-district-{width}x{height}.png");
        // A 4K page is 33 MB of pixels to encode: on two busy cores that can take longer than the default 30 s.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Timeout = 90_000 });
        Assert.True(new FileInfo(path).Length > 20_000);
        var scroll = await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > window.innerHeight + 1 || document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(scroll, "a wall screen has no page scrollbars");
    }
}
