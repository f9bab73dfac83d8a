using Microsoft.Playwright;

namespace Hub.Tests.Support;

/// <summary>
/// Real headless Chromium (Debian's <c>/usr/bin/chromium</c>, installed by the test command) driven
/// by Playwright, and the hub as a separate process with the test city, for the wall-screen tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly List<IBrowserContext> _open = [];
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string TopologyFile { get; } = HubHost.WriteTopology(TestCity.Build());

    /// <summary>Where screenshots go: kept as test artifacts.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(
        Path.Combine(Environment.GetEnvironmentVariable("HUB_TEST_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts"), "screens")).FullName;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        File.Delete(TopologyFile);
    }

    /// <summary>
    /// Closes every page opened so far. A page left open keeps reconnecting and animating, and a
    /// few of them take a core from the tests that run beside them.
    /// </summary>
    public async Task CloseAll()
    {
        IBrowserContext[] open;
        lock (_open)
        {
            open = [.. _open];
            _open.Clear();
        }
        foreach (var context in open)
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Starts the hub with the test city (no demo feed) on fixed ports, so it can be restarted in place.</summary>
    public Task<SiloProcess> StartHub(Dictionary<string, string>? settings = null)
    {
        var all = settings ?? HubSettings();
        return SiloProcess.Start(all);
    }

    public Dictionary<string, string> HubSettings() => new()
    {
        ["Hub:Topology"] = TopologyFile,
        ["Hub:Demo"] = "false",
        [SignIn.BootstrapSetting] = SignIn.AdminPassword,
        ["urls"] = $"http://127.0.0.1:{FreePort.Next()}",
        ["Hub:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Hub:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A wall screen's page at the given size, signed in (as the admin unless told), with every request it makes recorded.</summary>
    public async Task<(IPage Page, List<string> Requests)> Open(string url, int width = 1920, int height = 1080, string user = SignIn.AdminUser, string password = SignIn.AdminPassword)
    {
        var (page, requests, _) = await OpenRecorded(url, width, height, user, password);
        return (page, requests);
    }

    /// <summary>Fills in and sends the page's sign-in form, as a person at the screen does.</summary>
    public static async Task SignInOn(IPage page, string user, string password)
    {
        await page.GetByTestId("sign-in").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 20_000 });
        await page.GetByTestId("sign-in-user").FillAsync(user);
        await page.GetByTestId("sign-in-password").FillAsync(password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
    }

    /// <summary>A page as a phone opens it: its screen, a touch screen, three pixels to the CSS pixel.</summary>
    /// <param name="at">Where the phone is, its position granted to the page; none allowed when null.</param>
    public async Task<IPage> OpenPhone(string url, string user = SignIn.AdminUser, string password = SignIn.AdminPassword, bool signIn = true, Geolocation? at = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 3,
            IsMobile = true,
            HasTouch = true,
            Locale = "zh-CN",
            Geolocation = at,
            Permissions = at is null ? null : ["geolocation"],
        });
        lock (_open)
        {
            _open.Add(context);
        }
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        if (signIn)
        {
            await SignInOn(page, user, password);
            await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 20_000 });
        }
        return page;
    }

    public async Task<(IPage Page, List<string> Requests, List<string> Console)> OpenRecorded(
        string url, int width = 1920, int height = 1080, string user = SignIn.AdminUser, string password = SignIn.AdminPassword)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN" });
        lock (_open)
        {
            _open.Add(context);
        }
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) =>
        {
            lock (requests)
            {
                requests.Add(request.Url);
            }
        };
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            lock (console)
            {
                console.Add($"{message.Type}: {message.Text}");
            }
        };
        await page.GotoAsync(url);
        await SignInOn(page, user, password);
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 20_000 });
        return (page, requests, console);
    }
}
