using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Charts;

/// <summary>API.md §8 through HTTP: every chart in PNG and SVG, Chinese labels as text, errors as answers.</summary>
public class ChartApiTests(HubHost host) : IClassFixture<HubHost>
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData("alerts-24h")]
    [InlineData("checkins-24h")]
    [InlineData("handling-30d")]
    [InlineData("children-health")]
    public async Task Every_chart_renders_as_png_and_as_svg_with_chinese_text(string chart)
    {
        var http = host.Api.Http;
        await host.Api.Raise(Alert(TestCity.Grid(1, 1), severity: "critical"));
        await host.Api.Checkins(Checkin(TestCity.Worker(1, 1, 1), TestCity.Building(1, 1, 1), "patrol"));

        using var png = await http.GetAsync($"/api/v1/units/{TestCity.District}/charts/{chart}.png?width=960&height=480");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal(960, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(480, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));

        using var svg = await http.GetAsync($"/api/v1/units/{TestCity.District}/charts/{chart}.svg");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        var text = await svg.Content.ReadAsStringAsync();
        Assert.Contains("<svg", text, StringComparison.Ordinal);
        Assert.Contains("测试区", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hourly_chart_counts_alerts_by_severity_in_chinese()
    {
        var svg = await host.Api.Http.GetStringAsync($"/api/v1/units/{TestCity.City}/charts/alerts-24h.svg");
        foreach (var label in new[] { "紧急", "重要", "一般", "提示" })
        {
            Assert.Contains(label, svg, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/v1/units/NOPE/charts/alerts-24h.png", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/units/D1/charts/weather.png", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/units/D1/charts/alerts-24h.gif", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/units/D1/charts/alerts-24h.png?width=100000", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/units/D1/charts/alerts-24h.png?height=abc", HttpStatusCode.BadRequest)]
    public async Task Wrong_requests_get_a_clear_4xx(string path, HttpStatusCode expected)
    {
        var answer = await host.Api.Get(path);
        Assert.Equal(expected, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
    }
}
