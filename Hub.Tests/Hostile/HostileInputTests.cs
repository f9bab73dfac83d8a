using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Hub.Tests.Support;
using Xunit.Abstractions;

namespace Hub.Tests.Hostile;

/// <summary>
/// Thousands of generated hostile bodies against the ingest endpoints: every one gets a 4xx with an
/// RFC 7807 body, never a 5xx, and nothing of any of them is applied.
/// </summary>
public class HostileInputTests(HubHost host, ITestOutputHelper output) : IClassFixture<HubHost>
{
    private const int BodiesPerEndpoint = 1_500;

    private async Task<(int Checkins, int Active, int Listed)> Counts()
    {
        var city = await host.Api.Status(TestCity.City);
        var list = (await host.Api.Get($"/api/v1/alerts?unit={TestCity.City}&limit=1000")).Json["items"]!.AsArray();
        return (city["today"]!["checkins"]!.GetValue<int>(), city["alerts"]!["active"]!.GetValue<int>(), list.Count);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Problem, string? Type)> Post(string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await host.Api.Http.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? problem = null;
        try
        {
            problem = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            // Reported below: every answer must be JSON.
        }
        return (response.StatusCode, problem, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/checkins", 20261123)]
    [InlineData("/api/v1/alerts", 20261124)]
    public async Task Hostile_batches_get_a_4xx_that_says_why_and_change_nothing(string path, int seed)
    {
        var before = await Counts();
        var bodies = new HostileBodies(seed);
        var seen = new Dictionary<string, int>();
        var isCheckins = path.EndsWith("checkins", StringComparison.Ordinal);
        for (var i = 0; i < BodiesPerEndpoint; i++)
        {
            var (body, kind) = isCheckins
                ? bodies.Next(bodies.Checkins(), HostileBodies.CheckinRequired, HostileBodies.CheckinOptional)
                : bodies.Next(bodies.Alerts(), HostileBodies.AlertRequired, HostileBodies.AlertOptional);
            var (status, problem, type) = await Post(path, body);
            var code = (int)status;
            Assert.True(code is >= 400 and < 500, $"{kind}: {code} for {Preview(body)}");
            Assert.Equal("application/problem+json", type);
            Assert.Equal(code, problem?["status"]?.GetValue<int>());
            Assert.False(string.IsNullOrWhiteSpace(problem?["detail"]?.GetValue<string>() ?? problem?["title"]?.GetValue<string>()), kind);
            seen[$"{kind} → {code}"] = seen.GetValueOrDefault($"{kind} → {code}") + 1;
        }
        foreach (var (kind, count) in seen.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{count,5}  {kind}");
        }
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Hostile_action_and_topology_bodies_get_a_4xx_and_change_nothing()
    {
        var id = await host.Api.Raise(Reports.Alert(TestCity.Grid(2, 2)));
        var topologyBefore = (await host.Api.Get("/api/v1/topology")).Json.ToJsonString();
        string[] bodies =
        [
            "{", "[]", "\"note\"", "{\"note\": 5}", "{\"note\": [\"a\"]}", "{\"note\": \"" + new string('x', 2_001) + "\"}",
            new string('{', 5_000), "{\"note\": \"\\ud800\"}", "null",
        ];
        foreach (var body in bodies)
        {
            foreach (var action in new[] { "ack", "dispatch", "resolve", "close" })
            {
                var (status, problem, _) = await Post($"/api/v1/alerts/{id}/{action}", System.Text.Encoding.UTF8.GetBytes(body));
                Assert.True((int)status is >= 400 and < 500, $"{action} {body[..Math.Min(body.Length, 30)]}: {(int)status}");
                Assert.NotNull(problem?["status"]);
            }
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var put = await host.Api.Http.PutAsync("/api/v1/topology", content);
            Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        }
        Assert.Equal("raised", (await host.Api.Get($"/api/v1/alerts/{id}")).Json["state"]!.GetValue<string>());
        Assert.Equal(topologyBefore, (await host.Api.Get("/api/v1/topology")).Json.ToJsonString());
    }

    [Fact]
    public async Task Hostile_sign_in_user_and_key_bodies_get_a_4xx_and_change_nothing()
    {
        var usersBefore = (await host.Api.Get("/api/v1/users")).Json.ToJsonString();
        var keysBefore = (await host.Api.Get("/api/v1/apikeys")).Json.ToJsonString();
        string[] bodies =
        [
            "{", "[]", "\"admin\"", "null", "{\"user\": 5, \"password\": true}", "{\"user\": \"admin\", \"password\": null}",
            "{\"user\": \"admin\", \"password\": \"" + new string('x', 5_000) + "\"}", "{\"user\": \"<script>\", \"password\": \"short\"}",
            "{\"user\": \"a\", \"user\": \"admin\", \"password\": \"x\"}", new string('[', 5_000), "{\"user\": \"\\ud800\", \"password\": \"\\udfff\"}",
            "{\"user\": \"x\", \"password\": \"short\", \"role\": \"root\", \"scope\": \"../..\", \"center\": {}}",
            "{\"center\": \"" + new string('中', 500) + "\", \"scope\": \"*\"}", "{\"center\": \"ZZ\", \"scope\": 1e999}",
        ];
        foreach (var body in bodies)
        {
            foreach (var path in new[] { "/api/v1/auth/login", "/api/v1/auth/password", "/api/v1/users", $"/api/v1/users/{SignIn.AdminUser}/password", "/api/v1/apikeys" })
            {
                var (status, problem, type) = await Post(path, System.Text.Encoding.UTF8.GetBytes(body));
                Assert.True((int)status is >= 400 and < 500, $"{path} {body[..Math.Min(body.Length, 40)]}: {(int)status}");
                Assert.Equal("application/problem+json", type);
                Assert.NotNull(problem?["detail"]);
            }
        }
        Assert.Equal(usersBefore, (await host.Api.Get("/api/v1/users")).Json.ToJsonString());
        Assert.Equal(keysBefore, (await host.Api.Get("/api/v1/apikeys")).Json.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Get("/api/v1/auth/me")).Status);
    }

    [Theory]
    [InlineData("/api/v1/alerts?limit=-1")]
    [InlineData("/api/v1/alerts?limit=99999999999999999999")]
    [InlineData("/api/v1/alerts?state=%3Cscript%3E")]
    [InlineData("/api/v1/alerts?severity=1")]
    [InlineData("/api/v1/units/D1/stats?from=0001-01-01&to=9999-12-31")]
    [InlineData("/api/v1/units/D1/stats?from=2026-11-23T00:00:00")]
    [InlineData("/api/v1/units/D1/charts/alerts-24h.png?width=-5")]
    public async Task Hostile_query_strings_get_a_400(string path) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Api.Get(path)).Status);

    private static string Preview(byte[] body) => System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, 200)]);
}
