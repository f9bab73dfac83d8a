using Hub.Tests.Support;
using Microsoft.Playwright;

namespace Hub.Tests.Browser;

/// <summary>The map (一张图) on the wall: the demo city drawn whole, drill-down by click, colours and alerts live.</summary>
public class MapPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Shapes = ".map-svg [data-unit]";

    /// <summary>This test's own copy of <see cref="MapCity"/>, as the topology file its hub starts with.</summary>
    private readonly string _topology = HubHost.WriteTopology(MapCity.Build());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await browser.CloseAll();
        File.Delete(_topology);
    }

    [Fact]
    public async Task A_newcomer_sees_the_demo_district_as_a_map_and_clicks_down_to_a_building()
    {
        await using var hub = await SiloProcess.Start(SiloProcess.DemoSettings());
        var viewer = DemoSignIn.Read(hub.Output)["viewer"];
        var api = hub.As(viewer.User, viewer.Password);
        const string district = "140109";

        foreach (var (width, height) in new[] { (1920, 1080), (3840, 2160) })
        {
            // Opened as a newcomer would, without asking for the map: a topology with geometry opens on it.
            var (page, _) = await browser.Open(width == 1920 ? $"{hub.Url}/?unit={district}" : $"{hub.Url}/?unit={district}&view=map", width, height, viewer.User, viewer.Password);
            await page.WaitForSelectorAsync(".map[data-ready='true']");
            Assert.Equal("map", await page.EvaluateAsync<string>("document.body.dataset.view"));
            var children = await ChildrenOf(api, district);
            Assert.Equal(children.Order(), (await Drawn(page)).Order());
            // Every shape has its Chinese name inside it, readable from across the room.
            var names = await page.Locator(".map-label").AllTextContentsAsync();
            Assert.Equal(children.Count, names.Count);
            Assert.All(names, n => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", n));
            // Names in rem: 16.8 px at 1920 wide, 25.2 px on a 4K wall (whose rem is 1/160 of its width).
            // Read in one turn of the page: the live demo redraws its points, and a label found before may be gone after.
            var sizes = await page.EvaluateAsync<double[]>(
                "() => [parseFloat(getComputedStyle(document.querySelector('.map-label')).fontSize), parseFloat(getComputedStyle(document.documentElement).fontSize)]");
            var (labelPx, remPx) = (sizes[0], sizes[1]);
            Assert.Equal(1.05 * remPx, labelPx, 1);
            Assert.True(labelPx >= 16.8, $"{labelPx} px at {width}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, $"map-demo-{width}.png") });
            if (width == 3840)
            {
                break;
            }

            // District → street → community → grid → building, each by a click on the map.
            var code = district;
            foreach (var level in new[] { "street", "community", "grid", "building" })
            {
                var next = await Pick(api, code, level);
                await ClickOn(page, next);
                await page.WaitForURLAsync(u => u.Contains($"unit={next}", StringComparison.Ordinal));
                await page.WaitForSelectorAsync($".map[data-unit='{next}'][data-ready='true']");
                Assert.Equal(next, await page.EvaluateAsync<string>("document.body.dataset.unit"));
                if (level != "building")
                {
                    Assert.Equal((await ChildrenOf(api, next)).Order(), (await Drawn(page)).Order());
                }
                code = next;
            }
            // At the building: its own point on the map, and its name in the header.
            await Assertions.Expect(page.Locator(".map-self")).ToHaveCountAsync(1);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "map-demo-building.png") });
        }
    }

    [Fact]
    public async Task Shapes_take_their_new_colour_when_health_is_pushed_and_a_critical_alert_pulses_at_its_building()
    {
        await using var hub = await StartMapHub();
        var (page, _) = await browser.Open($"{hub.Url}/?unit={MapCity.District}&view=map");
        await page.WaitForSelectorAsync(".map[data-ready='true']");
        var west = page.Locator($"path[data-unit='{MapCity.Street(1)}']");
        var east = page.Locator($"path[data-unit='{MapCity.Street(2)}']");
        await Assertions.Expect(west).ToHaveAttributeAsync("data-health", "green");
        var green = await Fill(west);

        var building = MapCity.Building(1, 1, 2);
        var id = await hub.Api.Raise(Reports.Alert(building, severity: "critical", category: "fire"));
        await Assertions.Expect(west).ToHaveAttributeAsync("data-health", "red", new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
        await Assertions.Expect(east).ToHaveAttributeAsync("data-health", "green");
        Assert.NotEqual(green, await Fill(west));

        var mark = page.Locator($".map-alert.is-pulsing[data-alert='{id}']");
        await Assertions.Expect(mark).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        Assert.Equal("map-pulse", await mark.Locator(".map-pulse").EvaluateAsync<string>("e => getComputedStyle(e).animationName"));
        // It pulses inside the west street, where its building stands.
        var (x, y) = await Centre(mark.Locator(".map-alert-dot"));
        var box = (await west.BoundingBoxAsync())!;
        Assert.InRange(x, box.X, box.X + box.Width);
        Assert.InRange(y, box.Y, box.Y + box.Height);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "map-critical.png") });

        // Down at the grid, the alert sits on its building's own point.
        await page.GotoAsync($"{hub.Url}/?unit={MapCity.Grid(1, 1)}&view=map");
        await page.WaitForSelectorAsync($".map[data-unit='{MapCity.Grid(1, 1)}'][data-ready='true']");
        var dot = await Centre(page.Locator($".map-alert[data-alert='{id}'] .map-alert-dot"));
        var at = await Centre(page.Locator($"circle[data-unit='{building}']"));
        Assert.InRange(Math.Abs(dot.X - at.X) + Math.Abs(dot.Y - at.Y), 0, 2);
        await Assertions.Expect(page.Locator($"circle[data-unit='{building}']")).ToHaveAttributeAsync("data-health", "red");

        // The tiles are a click away, and the choice stays in the address.
        await page.GetByTestId("view-tiles").ClickAsync();
        await Assertions.Expect(page.Locator(".map")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("child")).ToHaveCountAsync(2);
        Assert.Contains("view=tiles", page.Url, StringComparison.Ordinal);

        // Or both side by side: the tiles on the left, the map on their right, each live.
        await page.GotoAsync($"{hub.Url}/?unit={MapCity.District}");
        await page.GetByTestId("view-split").ClickAsync();
        Assert.Contains("view=split", page.Url, StringComparison.Ordinal);
        await page.WaitForSelectorAsync(".map[data-ready='true']");
        var tile = page.Locator($"[data-testid='child'][data-code='{MapCity.Street(1)}']");
        await Assertions.Expect(tile).ToHaveAttributeAsync("data-health", "red");
        await Assertions.Expect(west).ToHaveAttributeAsync("data-health", "red");
        var (tiles, drawn) = ((await page.Locator(".panel-children > .panel-bd").BoundingBoxAsync())!, (await page.Locator(".map").BoundingBoxAsync())!);
        Assert.True(drawn.X >= tiles.X + tiles.Width, $"the map starts at x={drawn.X}, the tiles end at x={tiles.X + tiles.Width}");
        Assert.InRange(drawn.Y, tiles.Y - 20, tiles.Y + 20);
        Assert.True(drawn.Width > tiles.Width, $"the map is {drawn.Width} px wide, the tiles {tiles.Width}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "map-split.png") });
    }

    [Fact]
    public async Task The_citys_own_tile_server_draws_under_the_shapes_and_the_page_admits_only_its_origin()
    {
        var tiles = $"http://127.0.0.1:{FreePort.Next()}";
        await using var hub = await StartMapHub(("Hub:Map:TileUrl", tiles + "/{z}/{x}/{y}.png"));
        var (page, requests) = await browser.Open($"{hub.Url}/?unit={MapCity.District}&view=map");
        await page.WaitForSelectorAsync(".map[data-ready='true']");
        var hrefs = await page.Locator(".map-tiles image").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(tiles)}/1[0-9]/[0-9]+/[0-9]+\\.png$", href));
        // The district (0.1° across) at a wall's size: zoom 11 to 14, tiles around 121.45 E, 31.23 N.
        var (z, x) = (int.Parse(hrefs[0].Split('/')[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(hrefs[0].Split('/')[4], System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(z, 11, 14);
        Assert.InRange(x, (int)((121.35 + 180) / 360 * Math.Pow(2, z)), (int)((121.55 + 180) / 360 * Math.Pow(2, z)));
        Assert.Contains(requests, r => r.StartsWith(tiles, StringComparison.Ordinal));
        var policy = (await hub.Anonymous().GetHeaders("/"))["Content-Security-Policy"];
        Assert.Contains($"img-src 'self' blob: {tiles};", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kiosk_asked_to_alternate_switches_between_map_and_tiles_at_each_turn()
    {
        await using var hub = await StartMapHub();
        var (page, _) = await browser.Open($"{hub.Url}/?unit={MapCity.District}&kiosk=1&rotate=2&view=alternate");
        await page.WaitForFunctionAsync("() => document.body.dataset.view === 'map'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        await page.WaitForFunctionAsync("() => document.body.dataset.view === 'tiles'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
    }

    [Fact]
    public async Task A_patrol_far_from_its_building_shows_on_the_wall_as_off_its_place()
    {
        await using var hub = await StartMapHub();
        var (page, _) = await browser.Open($"{hub.Url}/?unit={MapCity.District}&view=map");
        await page.WaitForSelectorAsync(".map[data-ready='true']");
        var offPlace = page.GetByTestId("off-place");
        await Assertions.Expect(offPlace).ToBeHiddenAsync();

        var (lon, lat) = MapCity.BuildingAt(1, 1, 1);
        var far = new { id = "far-1", worker = MapCity.Worker(1, 1), unit = MapCity.Building(1, 1, 1), kind = "patrol", at = Reports.Time(Reports.Now), lat = lat + 0.004, lon };
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await hub.Api.Post("/api/v1/checkins", new[] { far })).Status);

        await Assertions.Expect(offPlace).ToHaveTextAsync("位置偏离 1", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
        await Assertions.Expect(offPlace).ToBeVisibleAsync();
        // In the patrol card's title row, inside the card whatever the patrol figures below it.
        var card = (await page.Locator(".kpi-rate").First.BoundingBoxAsync())!;
        var shown = (await offPlace.BoundingBoxAsync())!;
        Assert.True(shown.X + shown.Width <= card.X + card.Width, $"ends at {shown.X + shown.Width}, the card at {card.X + card.Width}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "wall-off-place.png") });
    }

    /// <summary>A hub of <see cref="MapCity"/> with the test's own topology file.</summary>
    private Task<SiloProcess> StartMapHub(params (string Key, string Value)[] more)
    {
        var settings = browser.HubSettings();
        settings["Hub:Topology"] = _topology;
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return browser.StartHub(settings);
    }

    private static async Task<List<string>> ChildrenOf(Api api, string code)
    {
        var unit = await api.Get($"/api/v1/topology/{code}");
        return [.. unit.Json["children"]!.AsArray().Select(c => c!["code"]!.GetValue<string>())];
    }

    private static async Task<string> Pick(Api api, string code, string level)
    {
        var unit = await api.Get($"/api/v1/topology/{code}");
        return unit.Json["children"]!.AsArray().First(c => c!["level"]!.GetValue<string>() == level)!["code"]!.GetValue<string>();
    }

    private static Task<string[]> Drawn(IPage page) => page.Locator(Shapes).EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.unit)");

    /// <summary>Clicks where the unit's name is written: inside its shape, whatever the shape.</summary>
    private static async Task ClickOn(IPage page, string code)
    {
        var (x, y) = await Centre(page.Locator($".map-label[data-label-of='{code}']"));
        var label = await page.Locator($".map-label[data-label-of='{code}']").GetAttributeAsync("class");
        // A building's name stands above its point: the point itself is clicked.
        if (label!.Contains("map-label-point", StringComparison.Ordinal))
        {
            (x, y) = await Centre(page.Locator($"circle[data-unit='{code}']"));
        }
        await page.Mouse.ClickAsync((float)x, (float)y);
    }

    private static async Task<(double X, double Y)> Centre(ILocator element)
    {
        // The map is drawn again when pushes move it: the element is asked for until it stands.
        var box = await Eventually.Within(TimeSpan.FromSeconds(10), async () =>
        {
            await Assertions.Expect(element).ToBeVisibleAsync();
            return await element.BoundingBoxAsync();
        }, b => b is not null, "the element is drawn");
        return (box!.X + (box.Width / 2), box.Y + (box.Height / 2));
    }

    private static Task<string> Fill(ILocator shape) => shape.EvaluateAsync<string>("e => getComputedStyle(e).fill");
}
