using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Operations;

/// <summary>The test city's hub as a process of its own: one meter provider sees only its own meters, as in production.</summary>
public sealed class MetricsHub : IAsyncLifetime
{
    private readonly string _topology = HubHost.WriteTopology(TestCity.Build());

    public SiloProcess Silo { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Silo = await SiloProcess.Start(new Dictionary<string, string> { ["Hub:Topology"] = _topology, ["Hub:Demo"] = "false" });

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        File.Delete(_topology);
    }
}

/// <summary>
/// <c>/metrics</c> in Prometheus text: the hub's own <c>hub_…</c> series move with what arrives
/// through the API, next to the framework's, Orleans' and the runtime's; only an admin over the
/// whole topology may scrape it on the main port.
/// </summary>
public class MetricsTests(MetricsHub hub) : IClassFixture<MetricsHub>
{
    private SiloProcess Silo => hub.Silo;

    [Fact]
    public async Task Check_ins_alerts_refusals_screens_and_pushes_move_the_hub_series()
    {
        var key = (await Silo.Api.Post("/api/v1/apikeys", new { center = "ZZ-METRICS", scope = TestCity.City })).Json["key"]!.GetValue<string>();
        var center = Silo.WithKey(key);
        var before = await Scrape();

        var grid = TestCity.Grid(2, 4);
        var worker = TestCity.Worker(2, 4, 1);
        Assert.Equal(HttpStatusCode.Accepted, (await center.Checkins(
            Checkin(worker, grid, "start", id: "m-1"), Checkin(worker, TestCity.Building(2, 4, 1), "patrol", id: "m-2"), Checkin(worker, TestCity.Building(2, 4, 2), "patrol", id: "m-3"))).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await center.Checkins(Checkin(worker, TestCity.Building(2, 4, 1), "patrol", id: "m-2"))).Status); // a resend
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await center.Checkins(Checkin("nobody-at-all", grid, "patrol"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await center.PostRaw("/api/v1/checkins", "[{")).Status);
        await using var wall = await WallClient.Connect(Silo.Url);
        await wall.Watch(grid);
        Assert.Equal(HttpStatusCode.Accepted, (await center.Alerts(Alert(grid, severity: "critical", sourceId: "m-alert", source: "ZZ-METRICS"))).Status);

        var after = await Eventually.Within(TimeSpan.FromSeconds(10), Scrape,
            m => Value(m, "hub_push_latency_seconds_count", "kind=\"alerts\"") > Value(before, "hub_push_latency_seconds_count", "kind=\"alerts\""),
            "the alert's push is measured");
        Assert.Equal(3, Value(after, "hub_checkins_accepted_total") - Value(before, "hub_checkins_accepted_total"));
        Assert.Equal(1, Value(after, "hub_checkins_duplicate_total") - Value(before, "hub_checkins_duplicate_total"));
        Assert.Equal(1, Value(after, "hub_batches_refused_total", "kind=\"checkins\"", "reason=\"invalid\"") - Value(before, "hub_batches_refused_total", "kind=\"checkins\"", "reason=\"invalid\""));
        Assert.Equal(1, Value(after, "hub_batches_refused_total", "kind=\"checkins\"", "reason=\"malformed\"") - Value(before, "hub_batches_refused_total", "kind=\"checkins\"", "reason=\"malformed\""));
        Assert.Equal(1, Value(after, "hub_alerts_accepted_total", "severity=\"critical\"", "outcome=\"created\"") - Value(before, "hub_alerts_accepted_total", "severity=\"critical\"", "outcome=\"created\""));
        Assert.Equal(1, Value(after, "hub_screens_connected") - Value(before, "hub_screens_connected"));
        Assert.Contains("# TYPE hub_push_latency_seconds histogram", after, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket", after, StringComparison.Ordinal); // ASP.NET Core
        Assert.Matches(new Regex("^orleans_", RegexOptions.Multiline), after); // Orleans' own meter
        Assert.Matches(new Regex("^dotnet_gc_", RegexOptions.Multiline), after); // the runtime's
    }

    [Fact]
    public async Task Active_alerts_by_severity_follow_the_whole_topology()
    {
        var majorsBefore = (await Silo.Api.Status(TestCity.City))["alerts"]!["major"]!.GetValue<int>();
        await Silo.Api.Raise(Alert(TestCity.Grid(2, 2), severity: "major", sourceId: $"active-{Guid.NewGuid():N}"));
        var city = await Eventually.Within(TimeSpan.FromSeconds(5), () => Silo.Api.Status(TestCity.City),
            s => s["alerts"]!["major"]!.GetValue<int>() == majorsBefore + 1, "the city counts the new alert");

        // The gauge is read every 15 s from the top units' tallies.
        var scraped = await Eventually.Within(TimeSpan.FromSeconds(40), Scrape,
            m => Value(m, "hub_alerts_active", "severity=\"major\"") == majorsBefore + 1, "the gauge follows the city's status");
        foreach (var severity in new[] { "critical", "minor", "warning" })
        {
            Assert.Equal(city["alerts"]![severity]!.GetValue<int>(), Value(scraped, "hub_alerts_active", $"severity=\"{severity}\""));
        }
    }

    [Fact]
    public async Task Batches_the_rate_limiter_refuses_before_the_endpoint_runs_are_counted_as_rate_limited()
    {
        // A hub of its own whose keys may make 3 requests at once and 1 a second after.
        var topology = HubHost.WriteTopology(TestCity.Build());
        try
        {
            await using var limited = await SiloProcess.Start(new Dictionary<string, string>
            {
                ["Hub:Topology"] = topology,
                ["Hub:Demo"] = "false",
                ["Hub:Auth:KeyRequestsPerSecond"] = "1",
                ["Hub:Auth:KeyBurst"] = "3",
            });
            var key = (await limited.Api.Post("/api/v1/apikeys", new { center = "ZZ-FLOOD", scope = TestCity.City })).Json["key"]!.GetValue<string>();
            var center = limited.WithKey(key);
            var before = await Scrape(limited);
            var answers = new List<Api.Answer>();
            for (var i = 0; i < 8; i++)
            {
                answers.Add(await center.Checkins());
            }
            var refused = answers.Count(a => a.Status == HttpStatusCode.TooManyRequests);
            Assert.InRange(refused, 1, 5);

            string[] labels = ["kind=\"checkins\"", "reason=\"rate_limited\""];
            // The exporter answers a scrape from the last one for a moment: read until the count moves.
            var counted = await Eventually.Within(TimeSpan.FromSeconds(5),
                async () => Value(await Scrape(limited), "hub_batches_refused_total", labels) - Value(before, "hub_batches_refused_total", labels),
                n => n >= refused, "the refusals counted");
            Assert.Equal(refused, counted);
        }
        finally
        {
            File.Delete(topology);
        }
    }

    private Task<string> Scrape() => Scrape(Silo);

    private static async Task<string> Scrape(SiloProcess silo)
    {
        var response = await silo.Api.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of a series' samples whose labels include all of <paramref name="labels"/> (0 when none is exported yet).</summary>
    public static double Value(string metrics, string name, params string[] labels) =>
        metrics.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(l => labels.All(label => l.Contains(label, StringComparison.Ordinal)))
            .Sum(l => double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
}
