using System.Net;
using Hub.Tests.Support;

namespace Hub.Tests.Operations;

/// <summary>With <c>Hub:Metrics:Port</c>, <c>/metrics</c> is served there without sign-in, and nothing else is.</summary>
public class MetricsPortTests
{
    [Fact]
    public async Task The_metrics_port_serves_metrics_without_sign_in_and_nothing_else()
    {
        var port = FreePort.Next();
        await using var silo = await SiloProcess.Start(new Dictionary<string, string> { ["Hub:Metrics:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var metrics = await scraper.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("hub_alerts_active{", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync("/api/v1/topology")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync("/dashboard/")).StatusCode);
        // The main port no longer answers /metrics, even to an admin: it is the metrics port's alone.
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Api.Get("/metrics")).Status);
    }
}
