using System.Net;
using Hub.Dashboard.Access;
using Hub.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Tests.Operations;

/// <summary>
/// <c>/openapi/v1.json</c> describes every route the hub maps, each with who may call it, what it
/// takes, what it answers and how it refuses. (That the answers agree with the routes is checked by
/// calling them all: <c>AuthorizationTableTests</c>.)
/// </summary>
public class ApiDocumentTests(HubHost host) : IClassFixture<HubHost>
{
    /// <summary>Routes that are not the hub's API: the Orleans dashboard's, the reference page's, SignalR's and the document itself.</summary>
    private static bool IsApi(string route) =>
        !route.StartsWith("/dashboard", StringComparison.Ordinal) && !route.StartsWith("/scalar", StringComparison.Ordinal)
        && !route.StartsWith("/openapi", StringComparison.Ordinal) && !route.StartsWith("/hubs/", StringComparison.Ordinal);

    [Fact]
    public async Task Every_route_is_in_the_document_with_its_summary_answers_and_refusals()
    {
        var document = await Document();
        var wrong = new List<string>();
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => IsApi(e.RoutePattern.RawText!))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: e.RoutePattern.RawText!, Endpoint: e)))
            .ToArray();
        Assert.True(routes.Length > 40, $"only {routes.Length} routes found");
        foreach (var (method, route, endpoint) in routes)
        {
            if (document.Operation(method, route) is not { } operation)
            {
                wrong.Add($"{method} {route}: missing");
                continue;
            }
            if (string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()))
            {
                wrong.Add($"{method} {route}: no summary");
            }
            var responses = operation["responses"]!.AsObject();
            if (!responses.Any(r => r.Key.StartsWith('2')))
            {
                wrong.Add($"{method} {route}: no success answer");
            }
            // Refusals are RFC 7807 problems; readiness's 503 is the health report itself.
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5' && route != "/health/ready"))
            {
                if (!ApiDocumentReader.ContentTypes(response).SequenceEqual(["application/problem+json"]))
                {
                    wrong.Add($"{method} {route}: {status} is not an RFC 7807 problem");
                }
            }
            var permission = endpoint.Metadata.GetMetadata<AllowAttribute>()!.Permission;
            var secured = operation["security"] is System.Text.Json.Nodes.JsonArray { Count: > 0 };
            if (secured == (permission == Permission.Anyone) && route.StartsWith("/api/", StringComparison.Ordinal))
            {
                wrong.Add($"{method} {route}: security {(secured ? "declared" : "missing")} for {permission}");
            }
            if (permission != Permission.Anyone && (ApiDocumentReader.Response(operation, 401) is null || ApiDocumentReader.Response(operation, 403) is null))
            {
                wrong.Add($"{method} {route}: 401 or 403 not declared");
            }
            if (method is "POST" or "PUT" && route.StartsWith("/api/", StringComparison.Ordinal) && operation["requestBody"] is null && !Bodiless.Contains($"{method} {route}"))
            {
                wrong.Add($"{method} {route}: no request body declared");
            }
        }
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    /// <summary>The changes that take no body: the route and the caller say it all.</summary>
    private static readonly HashSet<string> Bodiless =
    [
        "POST /api/v1/auth/logout",
        "POST /api/v1/workers/{id}/enrolment",
        "POST /api/v1/users/{name}/disable",
        "POST /api/v1/users/{name}/enable",
        "POST /api/v1/alerts/{id}/clear",
    ];

    [Fact]
    public async Task The_document_names_the_three_ways_in_and_the_operators_endpoints()
    {
        var document = await Document();
        var schemes = document.Document["components"]!["securitySchemes"]!;
        Assert.Equal("bearer", schemes["bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", schemes["centerKey"]!["name"]!.GetValue<string>());
        Assert.Equal("header", schemes["centerKey"]!["in"]!.GetValue<string>());
        Assert.Equal("cookie", schemes["sessionCookie"]!["in"]!.GetValue<string>());
        // Check-ins come with a center's key (or an admin's session); reading status never with a key.
        var checkins = document.Operation("POST", "/api/v1/checkins")!["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(p => p.Key)).ToArray();
        Assert.Contains("centerKey", checkins);
        var status = document.Operation("GET", "/api/v1/units/{code}/status")!["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(p => p.Key)).ToArray();
        Assert.DoesNotContain("centerKey", status);

        foreach (var path in new[] { "/health/live", "/health/ready", "/metrics" })
        {
            Assert.NotNull(document.Operation("GET", path));
        }
        Assert.NotNull(ApiDocumentReader.Response(document.Operation("GET", "/health/ready")!, 503));
    }

    [Fact]
    public async Task The_document_and_its_reference_page_are_the_operators_alone()
    {
        var viewer = "doc-viewer";
        Assert.Equal(HttpStatusCode.Created, (await host.Api.Post("/api/v1/users", new { user = viewer, password = SignIn.AdminPassword, role = "viewer", scope = TestCity.City })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.As(viewer, SignIn.AdminPassword).Get("/openapi/v1.json")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().Get("/openapi/v1.json")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().Get("/scalar/v1")).Status);

        // Several answers: each has its own nonce, and whatever characters it draws, the page carries it as sent.
        var nonces = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 12; i++)
        {
            var page = await host.Api.Http.GetAsync("/scalar/v1");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var policy = page.Headers.GetValues("Content-Security-Policy").Single();
            var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
            Assert.NotEmpty(nonce);
            Assert.Contains($"nonce=\"{nonce}\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.True(nonces.Add(nonce), $"nonce {nonce} came twice");
        }
    }

    private async Task<ApiDocumentReader> Document()
    {
        var answer = await host.Api.Get("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.StartsWith("3.1", answer.Json["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        return new ApiDocumentReader(answer.Json);
    }
}
