using System.Net;
using System.Text.Json.Nodes;
using Hub.Tests.Support;
using Microsoft.Playwright;

namespace Hub.Tests.Browser;

/// <summary>The grid worker's page on a phone: a day's work, with and without a network.</summary>
public class FieldPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string WorkerPassword = "field-worker-password-1";

    private static readonly string Worker = TestCity.Worker(1, 1, 1);
    private static readonly string Grid = TestCity.Grid(1, 1);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseAll();

    [Fact]
    public async Task A_grid_worker_starts_a_shift_patrols_reports_with_a_photo_and_verifies_a_fix_from_a_phone()
    {
        await using var hub = await browser.StartHub();
        await CreateWorker(hub);
        // A case of the grid handled by the officers, waiting for the worker's 核查.
        var fixedCase = await Resolved(hub, TestCity.Building(1, 1, 2));

        var page = await SignedIn(hub);
        await Assertions.Expect(page.GetByTestId("worker-name")).ToHaveTextAsync("张伟");
        await Assertions.Expect(page.GetByTestId("worker-grid")).ToHaveTextAsync("第1网格");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "field-day.png"), FullPage = true });

        await page.Locator("[data-action='shift-start']").TapAsync();
        await Sent(page);
        await Eventually.Within(TimeSpan.FromSeconds(10), () => hub.Api.Status(Grid), s => s["workers"]!["onDuty"]!.GetValue<int>() == 1, "the worker is on duty");

        await page.Locator($"[data-action='patrol'][data-unit='{TestCity.Building(1, 1, 1)}']").TapAsync();
        await Sent(page);
        await Assertions.Expect(page.Locator($"[data-action='patrol'][data-unit='{TestCity.Building(1, 1, 1)}']")).ToHaveAttributeAsync("data-done", "true");
        await Eventually.Within(TimeSpan.FromSeconds(10), () => hub.Api.Status(Grid), s => s["today"]!["patrolled"]!.GetValue<int>() == 1, "one building patrolled");

        // An event, with a photo from the camera.
        await page.Locator("[data-action='report']").TapAsync();
        await page.GetByTestId("report-unit").SelectOptionAsync(TestCity.Building(1, 1, 3));
        await page.GetByTestId("report-category").SelectOptionAsync("dumping");
        await page.GetByTestId("report-text").FillAsync("3号楼北侧垃圾堆放，约两立方");
        await page.GetByTestId("report-photo").SetInputFilesAsync(new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = TestImages.Png(2400, 1800, (120, 90, 60)) });
        await Assertions.Expect(page.GetByTestId("thumb")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "field-report.png"), FullPage = true });
        await page.GetByTestId("report-submit").TapAsync();
        await Sent(page);
        var reported = await Eventually.Within(TimeSpan.FromSeconds(10), async () => (await hub.Api.Get($"/api/v1/alerts?unit={TestCity.Building(1, 1, 3)}")).Json["items"]!.AsArray(),
            items => items.Count == 1, "the report is a case of building 3");
        var report = reported[0]!;
        Assert.Equal(("dumping", "minor", "3号楼北侧垃圾堆放，约两立方"), (report["category"]!.GetValue<string>(), report["severity"]!.GetValue<string>(), report["detail"]!.GetValue<string>()));
        var photos = (await hub.Api.Get($"/api/v1/alerts/{report["id"]!.GetValue<string>()}/photos")).Json["photos"]!.AsArray();
        Assert.Single(photos);
        Assert.Equal(("report", "image/jpeg"), (photos[0]!["kind"]!.GetValue<string>(), photos[0]!["contentType"]!.GetValue<string>()));
        // Shrunk on the phone before it was sent: well under the 2 MiB a photo may be.
        Assert.InRange(photos[0]!["length"]!.GetValue<int>(), 1, 400_000);

        // 核查: passed, with a note and a photo.
        var check = page.Locator($"[data-action='verify'][data-alert='{fixedCase}']");
        await check.TapAsync();
        await page.GetByTestId("verify-note").FillAsync("已清理完毕");
        await page.GetByTestId("verify-photo").SetInputFilesAsync(new FilePayload { Name = "after.png", MimeType = "image/png", Buffer = TestImages.Png(800, 600, (40, 160, 80)) });
        await page.GetByTestId("verify-passed").TapAsync();
        await Sent(page);
        await Assertions.Expect(check).ToHaveCountAsync(0);
        await Eventually.Within(TimeSpan.FromSeconds(10), async () => (await hub.Api.Get($"/api/v1/alerts/{fixedCase}")).Json,
            a => a["state"]!.GetValue<string>() == "verified", "the fix is verified");
        var checkPhotos = (await hub.Api.Get($"/api/v1/alerts/{fixedCase}/photos")).Json["photos"]!.AsArray();
        Assert.Equal(["verify"], checkPhotos.Select(p => p!["kind"]!.GetValue<string>()));
        var image = await hub.Api.GetBytes($"/api/v1/alerts/{fixedCase}/photos/1");
        Assert.Equal([0xFF, 0xD8, 0xFF], image[..3]);

        await page.Locator("[data-action='shift-end']").TapAsync();
        await Sent(page);
        await Eventually.Within(TimeSpan.FromSeconds(10), () => hub.Api.Status(Grid), s => s["workers"]!["onDuty"]!.GetValue<int>() == 0, "the shift ended");
    }

    [Fact]
    public async Task A_patrol_done_without_a_network_waits_on_the_phone_and_arrives_once_when_it_returns()
    {
        await using var hub = await browser.StartHub();
        await CreateWorker(hub);
        var page = await SignedIn(hub);
        // The page works offline once its service worker holds it.
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        var building = TestCity.Building(1, 1, 3);

        var sent = new List<string>();
        page.Context.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/api/v1/field/checkins", StringComparison.Ordinal))
            {
                lock (sent)
                {
                    sent.Add(request.PostData!);
                }
            }
        };

        await page.Context.SetOfflineAsync(true);
        await page.Locator($"[data-action='patrol'][data-unit='{building}']").TapAsync();
        await Assertions.Expect(page.GetByTestId("queue")).ToHaveAttributeAsync("data-queued", "1");
        await Assertions.Expect(page.GetByTestId("network")).ToHaveAttributeAsync("data-online", "false");
        // Closed and opened again without a network: the page, the day and what waits are all still there.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("worker-name")).ToHaveTextAsync("张伟");
        await Assertions.Expect(page.GetByTestId("queue")).ToHaveAttributeAsync("data-queued", "1");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "field-offline.png"), FullPage = true });
        Assert.Equal(0, (await hub.Api.Status(Grid))["today"]!["checkins"]!.GetValue<int>());

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByTestId("queue")).ToHaveAttributeAsync("data-queued", "0", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
        var grid = await Eventually.Within(TimeSpan.FromSeconds(10), () => hub.Api.Status(Grid), s => s["today"]!["patrolled"]!.GetValue<int>() == 1, "the patrol arrived");
        Assert.Equal(1, grid["today"]!["checkins"]!.GetValue<int>());
        // Sent once it could be (tries while offline never left the phone) …
        var delivered = sent.Where(b => b.Contains(building, StringComparison.Ordinal)).Distinct().ToList();
        Assert.Single(delivered);
        // … and sent again as it was (an answer lost on the way), it counts nothing more.
        var again = await hub.As(Worker.ToLowerInvariant(), WorkerPassword).Post("/api/v1/field/checkins", JsonNode.Parse(delivered[0])!);
        Assert.Equal((HttpStatusCode.Accepted, 0, 1), (again.Status, again.Json["accepted"]!.GetValue<int>(), again.Json["duplicates"]!.GetValue<int>()));
        Assert.Equal(1, (await hub.Api.Status(Grid))["today"]!["checkins"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_worker_enrols_on_the_phone_with_the_code_an_officer_gave_them_once()
    {
        await using var hub = await browser.StartHub();
        var issued = await hub.Api.Post($"/api/v1/workers/{TestCity.Worker(1, 2, 1)}/enrolment", new { });
        Assert.Equal(HttpStatusCode.Created, issued.Status);
        var code = issued.Json["code"]!.GetValue<string>();
        Assert.Matches("^[0-9]{8}$", code);

        var page = await browser.OpenPhone($"{hub.Url}/field/", signIn: false);
        await Enrol(page, TestCity.Worker(1, 2, 1), code);
        await Assertions.Expect(page.GetByTestId("worker-grid")).ToHaveTextAsync("第2网格");
        await page.GetByTestId("field-sign-out").TapAsync();

        // Used once: the same code again is refused, in words the worker can act on.
        await Enrol(page, TestCity.Worker(1, 2, 1), code);
        await Assertions.Expect(page.Locator("#enrol-form .form-error")).ToContainTextAsync("激活码已使用");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "field-enrol-refused.png"), FullPage = true });
    }

    [Fact]
    public async Task An_officer_gives_a_worker_a_code_at_the_grid_and_sees_the_workers_photos_in_the_case()
    {
        await using var hub = await browser.StartHub();
        await CreateWorker(hub);
        var report = await hub.As(Worker.ToLowerInvariant(), WorkerPassword).Post("/api/v1/field/reports", new
        {
            sourceId = "wall-photos-1",
            unit = TestCity.Building(1, 1, 2),
            category = "manhole",
            severity = "major",
            at = Reports.Time(Reports.Now),
            detail = "井盖破损",
            photos = new[] { TestImages.DataUrl(TestImages.Png(320, 240, (30, 90, 200))) },
        });
        Assert.Equal(HttpStatusCode.Accepted, report.Status);
        var id = report.Json["alertId"]!.GetValue<string>();

        var (wall, _) = await browser.Open($"{hub.Url}/?unit={Grid}&view=tiles");
        // 激活码 beside the grid's workers: shown once, in the words the officer passes on.
        await wall.Locator($"[data-testid='enrol-worker'][data-worker='{TestCity.Worker(1, 1, 2)}']").ClickAsync();
        var notice = wall.Locator("[data-testid='notice'][data-kind='enrolment']");
        await Assertions.Expect(notice).ToContainTextAsync("李娜 的激活码");
        var code = System.Text.RegularExpressions.Regex.Match(await notice.InnerTextAsync(), "[0-9]{8}").Value;
        var enrolled = await hub.Anonymous().Post("/api/v1/auth/enrol", new { worker = TestCity.Worker(1, 1, 2), code, password = WorkerPassword });
        Assert.Equal(HttpStatusCode.OK, enrolled.Status);

        // The worker's photo, in the case's step dialog.
        var item = wall.Locator($"[data-testid='alert'][data-alert-id='{id}']");
        await item.Locator("button[data-action='reject']").ClickAsync();
        var photo = wall.Locator("[data-testid='case-photos'] img");
        await Assertions.Expect(photo).ToHaveCountAsync(1);
        await wall.WaitForFunctionAsync("() => document.querySelector('[data-testid=case-photos] img')?.naturalWidth === 320");
        await wall.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "wall-case-photo.png") });
    }

    [Fact]
    public async Task The_field_page_is_an_installable_app_readable_on_a_phone()
    {
        await using var hub = await browser.StartHub();
        await CreateWorker(hub);
        var manifest = await hub.Anonymous().Get("/field/manifest.webmanifest");
        Assert.Equal((HttpStatusCode.OK, "standalone", "./"), (manifest.Status, manifest.Json["display"]!.GetValue<string>(), manifest.Json["start_url"]!.GetValue<string>()));
        Assert.Equal(["192x192", "512x512"], manifest.Json["icons"]!.AsArray().Select(i => i!["sizes"]!.GetValue<string>()));
        Assert.All(manifest.Json["icons"]!.AsArray(), i => Assert.Equal("image/png", i!["type"]!.GetValue<string>()));

        var page = await SignedIn(hub);
        var icons = await page.EvaluateAsync<int[]>("""
            async () => Promise.all(['icon-192.png', 'icon-512.png'].map(async (src) => {
              const img = new Image();
              img.src = src;
              await img.decode();
              return img.naturalWidth;
            }))
            """);
        Assert.Equal([192, 512], icons);
        Assert.Empty(await page.EvaluateAsync<string[]>(WallPhoneTests.SmallText));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        // Every control is at least a thumb's height.
        var heights = await page.Locator("[data-action]").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().height)");
        Assert.All(heights, height => Assert.True(height >= 48, $"{height} px"));
    }

    private static async Task Enrol(IPage page, string worker, string code)
    {
        await page.GetByTestId("to-enrol").TapAsync();
        await page.GetByTestId("enrol-worker").FillAsync(worker);
        await page.GetByTestId("enrol-code").FillAsync(code);
        await page.GetByTestId("enrol-password").FillAsync(WorkerPassword);
        await page.GetByTestId("enrol-submit").TapAsync();
    }

    private static async Task CreateWorker(SiloProcess hub, string? worker = null)
    {
        worker ??= Worker;
        var created = await hub.Api.Post("/api/v1/users", new { user = worker.ToLowerInvariant(), password = WorkerPassword, role = "worker", worker });
        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
    }

    private async Task<IPage> SignedIn(SiloProcess hub, string? worker = null, Geolocation? at = null)
    {
        var page = await browser.OpenPhone($"{hub.Url}/field", signIn: false, at: at);
        await page.GetByTestId("field-user").FillAsync((worker ?? Worker).ToLowerInvariant());
        await page.GetByTestId("field-password").FillAsync(WorkerPassword);
        await page.GetByTestId("field-sign-in").TapAsync();
        await page.WaitForSelectorAsync("body[data-state='day']");
        return page;
    }

    [Fact]
    public async Task A_patrol_far_from_its_building_is_sent_and_the_worker_is_told_it_counts_as_off_its_place()
    {
        var topology = HubHost.WriteTopology(MapCity.Build());
        try
        {
            var settings = browser.HubSettings();
            settings["Hub:Topology"] = topology;
            await using var hub = await SiloProcess.Start(settings);
            var worker = MapCity.Worker(1, 1);
            await CreateWorker(hub, worker);
            var (near, far) = (MapCity.Building(1, 1, 1), MapCity.Building(1, 1, 2));
            var (lon, lat) = MapCity.BuildingAt(1, 1, 1);
            // The phone stands 60 m north of building 1, and 1,772 m from building 2 (0.015° east and 0.01° north of building 1).
            var page = await SignedIn(hub, worker, new Geolocation { Latitude = (float)(lat + 0.00054), Longitude = (float)lon });

            await page.Locator($"[data-action='patrol'][data-unit='{near}']").TapAsync();
            await Sent(page);
            await Assertions.Expect(page.GetByTestId("toast")).Not.ToContainTextAsync("位置偏离");

            await page.Locator($"[data-action='patrol'][data-unit='{far}']").TapAsync();
            await Assertions.Expect(page.GetByTestId("toast")).ToContainTextAsync("约 1770 米，本次巡查将标记为位置偏离");
            await Sent(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "field-off-place.png") });

            // Both count as patrols; the far one is counted apart, at its building and above.
            var grid = await Eventually.Within(TimeSpan.FromSeconds(10), async () => (await hub.Api.Status(MapCity.Grid(1, 1)))["today"]!,
                t => t["checkins"]!.GetValue<int>() == 2, "both patrols counted");
            Assert.Equal((2, 1), (grid["patrolled"]!.GetValue<int>(), grid["offPlacePatrols"]!.GetValue<int>()));
            Assert.Equal(1, (await hub.Api.Status(far))["today"]!["offPlacePatrols"]!.GetValue<int>());
            Assert.Equal(0, (await hub.Api.Status(near))["today"]!["offPlacePatrols"]!.GetValue<int>());
        }
        finally
        {
            File.Delete(topology);
        }
    }

    private static Task Sent(IPage page) =>
        Assertions.Expect(page.GetByTestId("queue")).ToHaveAttributeAsync("data-queued", "0", new LocatorAssertionsToHaveAttributeOptions { Timeout = 15_000 });

    /// <summary>A case raised, accepted, dispatched and resolved by the officers: waiting for 核查.</summary>
    private static async Task<string> Resolved(SiloProcess hub, string unit)
    {
        var id = await hub.Api.Raise(Reports.Alert(unit, severity: "minor", category: "dumping"));
        foreach (var (action, body) in new (string, object)[] { ("ack", new { }), ("dispatch", new { assignee = "张伟" }), ("resolve", new { note = "已清运" }) })
        {
            var answer = await hub.Api.Post($"/api/v1/alerts/{id}/{action}", body);
            Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        }
        return id;
    }
}
