using System.Net;
using Hub.Tests.Support;
using Microsoft.Playwright;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Browser;

/// <summary>
/// The loop from the wall, in real headless Chromium against the real hub process: a duty officer,
/// a department's user and a leader each run their part of a case, and the month's ranking shows it.
/// </summary>
public class ClosedLoopPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly LocatorAssertionsToHaveCountOptions Soon = new() { Timeout = 10_000 };
    private static readonly LocatorAssertionsToHaveAttributeOptions SoonAttribute = new() { Timeout = 10_000 };
    private static readonly LocatorAssertionsToContainTextOptions SoonText = new() { Timeout = 10_000 };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseAll();

    private static async Task User(SiloProcess hub, string user, string password, string role, string scope, string? department = null) =>
        Assert.Equal(HttpStatusCode.Created, (await hub.Api.Post("/api/v1/users", new { user, password, role, scope, department })).Status);

    private static async Task Step(IPage page, ILocator item, string action, Func<ILocator, Task>? fill = null)
    {
        await item.Locator($"button[data-action='{action}']").ClickAsync();
        var dialog = page.GetByTestId("action-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        if (fill is not null)
        {
            await fill(dialog);
        }
        await dialog.Locator("[data-action='confirm']").ClickAsync();
        await Assertions.Expect(dialog).Not.ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
    }

    [Fact]
    public async Task An_officer_and_a_department_run_a_whistled_case_from_report_to_rated_close()
    {
        await using var hub = await browser.StartHub();
        await User(hub, "duty-s1", "officer-password-1", "officer", TestCity.Street(1));
        await User(hub, "police-s1", "police-password-1", "department", TestCity.Street(1), TestCity.Police(1));
        var id = await hub.Api.Raise(Alert(TestCity.Grid(1, 2), severity: "major", category: "crowd"));
        var other = await hub.Api.Raise(Alert(TestCity.Grid(1, 3), severity: "major", category: "crowd"));

        var (officer, _) = await browser.Open($"{hub.Url}/?unit={TestCity.Street(1)}", user: "duty-s1", password: "officer-password-1");
        var item = officer.Locator($"[data-testid='alert'][data-alert-id='{id}']");
        await Assertions.Expect(item.Locator("button[data-action]")).ToHaveCountAsync(2, Soon);
        await item.Locator("button[data-action='ack']").ClickAsync();
        await Assertions.Expect(item).ToHaveAttributeAsync("data-state", "acknowledged", SoonAttribute);

        // 吹哨: the street's police station and market regulation, with nobody named.
        await Step(officer, item, "dispatch", async dialog =>
        {
            var choices = dialog.GetByTestId("dispatch-department");
            await Assertions.Expect(choices).ToHaveCountAsync(3, Soon); // the street's two and the district's team
            await choices.Filter(new LocatorFilterOptions { HasText = "派出所" }).Locator("input").CheckAsync();
            await choices.Filter(new LocatorFilterOptions { HasText = "市场监管所" }).Locator("input").CheckAsync();
            await dialog.Locator("[name='note']").FillAsync("吹哨：人员聚集");
        });
        await Assertions.Expect(item).ToHaveAttributeAsync("data-state", "dispatched", SoonAttribute);
        await Assertions.Expect(item.GetByTestId("part")).ToHaveCountAsync(2, Soon);
        await Assertions.Expect(item.Locator($"[data-testid='part'][data-department='{TestCity.Police(1)}']")).ToHaveTextAsync("第1街道派出所 待报到");
        // Parts are finished by their departments: the officer has no 办结 on a whistled case.
        await Assertions.Expect(item.Locator("button[data-action='resolve']")).ToHaveCountAsync(0);

        // The police station's wall: its case only, with 报到.
        var (police, _) = await browser.Open(hub.Url, user: "police-s1", password: "police-password-1");
        await Assertions.Expect(police.Locator("body")).ToHaveAttributeAsync("data-role", "department");
        await Assertions.Expect(police.GetByTestId("unit-name")).ToHaveTextAsync("第1街道派出所");
        var theirs = police.Locator($"[data-testid='alert'][data-alert-id='{id}']");
        await Assertions.Expect(theirs.Locator("button[data-action='report-in']")).ToHaveCountAsync(1, Soon);
        await Assertions.Expect(police.Locator($"[data-testid='alert'][data-alert-id='{other}']")).ToHaveCountAsync(0);
        await Assertions.Expect(police.Locator(".kpis")).ToBeHiddenAsync();
        // Its month: ranked among the street's two departments.
        await Assertions.Expect(police.GetByTestId("department-rank")).ToContainTextAsync("/ 2", SoonText);
        await Step(police, theirs, "report-in", dialog => dialog.Locator("[name='note']").FillAsync("民警已到场"));
        await Assertions.Expect(item.Locator($"[data-testid='part'][data-department='{TestCity.Police(1)}']")).ToHaveAttributeAsync("data-state", "reported", SoonAttribute);
        await Step(police, theirs, "part-done", dialog => dialog.Locator("[name='note']").FillAsync("已疏散"));
        await Assertions.Expect(theirs.Locator("[data-testid='part'][data-state='done']")).ToHaveCountAsync(1, Soon);
        await police.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "department-wall.png") });
        // A wall's address asking for tiles and map side by side still opens the department's own wall.
        await police.GotoAsync($"{hub.Url}/?view=split");
        await Assertions.Expect(police.Locator("body")).ToHaveAttributeAsync("data-role", "department");
        await Assertions.Expect(theirs).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
        await Assertions.Expect(police.Locator("#panel-children")).ToBeHiddenAsync();

        // Market regulation reports and finishes over the API; the case is resolved and waits for 核查.
        await hub.Api.Post($"/api/v1/alerts/{id}/report-in", new { department = TestCity.MarketRegulation(1) });
        await hub.Api.Post($"/api/v1/alerts/{id}/resolve", new { department = TestCity.MarketRegulation(1), note = "已查处" });
        await Assertions.Expect(item).ToHaveAttributeAsync("data-state", "resolved", SoonAttribute);
        await Assertions.Expect(item.Locator(".alert-state")).ToHaveTextAsync("待核查");

        // 核查不通过 sends it back (返工); both parts wait again.
        await Step(officer, item, "rework", dialog => dialog.Locator("[name='note']").FillAsync("现场仍有聚集"));
        await Assertions.Expect(item).ToHaveAttributeAsync("data-state", "dispatched", SoonAttribute);
        await Assertions.Expect(item.Locator("[data-testid='part'][data-state='waiting']")).ToHaveCountAsync(2, Soon);
        await officer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "officer-rework.png") });
        foreach (var department in new[] { TestCity.Police(1), TestCity.MarketRegulation(1) })
        {
            await hub.Api.Post($"/api/v1/alerts/{id}/report-in", new { department });
            await hub.Api.Post($"/api/v1/alerts/{id}/resolve", new { department, note = "再次处置" });
        }
        await Assertions.Expect(item).ToHaveAttributeAsync("data-state", "resolved", SoonAttribute);
        await Step(officer, item, "verify");
        await Assertions.Expect(item).ToHaveAttributeAsync("data-state", "verified", SoonAttribute);
        await Step(officer, item, "close", dialog => dialog.GetByTestId("close-score").SelectOptionAsync("4"));
        await Assertions.Expect(item).ToHaveCountAsync(0, Soon);

        var closed = (await hub.Api.Get($"/api/v1/alerts/{id}")).Json;
        Assert.Equal(("closed", 4, 1, "duty-s1"), (closed["state"]!.GetValue<string>(), closed["rating"]!.GetValue<int>(), closed["reworks"]!.GetValue<int>(),
            closed["audit"]!.AsArray().Last(e => e!["action"]!.GetValue<string>() == "closed")!["by"]!.GetValue<string>()));
        Assert.Contains(closed["audit"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "reported-in" && e["by"]!.GetValue<string>() == "police-s1");
    }

    [Fact]
    public async Task An_officer_rejects_a_report_that_is_not_a_case_with_a_reason()
    {
        await using var hub = await browser.StartHub();
        var id = await hub.Api.Raise(Alert(TestCity.Grid(2, 2), severity: "warning", category: "parking"));
        var (page, _) = await browser.Open($"{hub.Url}/?unit={TestCity.Grid(2, 2)}");
        await page.GetByTestId("tab-work").ClickAsync(); // 提示 is a work item (工单), on its own tab
        var item = page.Locator($"[data-testid='alert'][data-alert-id='{id}']");
        await item.Locator("button[data-action='reject']").ClickAsync();
        var dialog = page.GetByTestId("action-dialog");
        await dialog.Locator("[data-action='confirm']").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("action-error")).ToHaveTextAsync("请填写不予立案理由");
        await dialog.Locator("[name='note']").FillAsync("重复上报");
        await dialog.Locator("[data-action='confirm']").ClickAsync();
        await Assertions.Expect(item).ToHaveCountAsync(0, Soon);
        Assert.Equal("rejected", (await hub.Api.Get($"/api/v1/alerts/{id}")).Json["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_leader_sees_who_is_on_duty_and_the_months_ranking_as_bars()
    {
        await using var hub = await browser.StartHub();
        await User(hub, "lead-d", "leader-password-1", "leader", TestCity.District);
        await User(hub, "duty-d", "officer-password-2", "officer", TestCity.District);
        var now = Now;
        Assert.Equal(HttpStatusCode.OK, (await hub.Api.Send(HttpMethod.Put, $"/api/v1/units/{TestCity.District}/duty", new[]
        {
            new { from = now.AddHours(-1), to = now.AddHours(7), user = "duty-d", post = "officer" },
            new { from = now.AddHours(-1), to = now.AddHours(7), user = "lead-d", post = "leader" },
        })).Status);
        // Street 1 closes a case on time, rated 5: 50 + 30 + 10 + 10 = 100. Street 2 leaves one open: 0 + 0 + 10 + 10 = 20, grade E.
        var done = await hub.Api.Raise(Alert(TestCity.Grid(1, 1), severity: "minor", category: "dumping"));
        foreach (var (action, body) in new (string, object)[] { ("ack", new { }), ("resolve", new { note = "已清理" }), ("verify", new { passed = true }), ("close", new { }), ("rate", new { score = 5 }) })
        {
            Assert.Equal(HttpStatusCode.OK, (await hub.Api.Post($"/api/v1/alerts/{done}/{action}", body)).Status);
        }
        await hub.Api.Raise(Alert(TestCity.Grid(2, 1), severity: "minor", category: "dumping"));

        var (page, _) = await browser.Open($"{hub.Url}/?unit={TestCity.District}", user: "lead-d", password: "leader-password-1");
        await Assertions.Expect(page.GetByTestId("duty")).ToContainTextAsync("duty-d（值班员）", SoonText);
        await Assertions.Expect(page.GetByTestId("duty")).ToContainTextAsync("lead-d（带班领导）");
        var rows = page.GetByTestId("rank-row");
        await Assertions.Expect(rows).ToHaveCountAsync(2, Soon);
        await Assertions.Expect(rows.Nth(0)).ToHaveAttributeAsync("data-code", TestCity.Street(1));
        await Assertions.Expect(rows.Nth(0).GetByTestId("rank-score")).ToHaveTextAsync("100.0");
        await Assertions.Expect(rows.Nth(1)).ToHaveAttributeAsync("data-code", TestCity.Street(2));
        await Assertions.Expect(rows.Nth(1)).ToHaveAttributeAsync("data-grade", "E");
        // The bars are the scores: the first full, the second a fifth of it.
        var widths = await rows.Locator(".rank-fill").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().width)");
        var full = await rows.Nth(0).Locator(".rank-bar").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.Equal(full, widths[0], 0.5);
        Assert.Equal(full * 0.2, widths[1], 0.5);
        await Assertions.Expect(page.GetByTestId("assessment")).ToContainTextAsync("考核排名");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "leader-assessment.png") });

        // An officer's wall of the same district: the duty line, no ranking.
        var (officer, _) = await browser.Open($"{hub.Url}/?unit={TestCity.District}", user: "duty-d", password: "officer-password-2");
        await Assertions.Expect(officer.GetByTestId("duty")).ToContainTextAsync("duty-d", SoonText);
        await Assertions.Expect(officer.GetByTestId("assessment")).ToBeHiddenAsync();
    }
}
