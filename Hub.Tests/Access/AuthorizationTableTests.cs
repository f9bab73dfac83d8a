using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hub.Dashboard.Access;
using Hub.Dashboard.Live;
using Hub.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Access;

/// <summary>
/// API.md §9 as a table: every endpoint and hub method, against every kind of caller (nobody, a
/// center key, each role), on a target inside the caller's scope and one outside it. The table must
/// name every endpoint the hub maps and every hub method: a new one without a row fails here.
/// </summary>
public class AuthorizationTableTests(AccessHost host) : IClassFixture<AccessHost>
{
    /// <summary>Who passes the role check, written here independently of the product's rules.</summary>
    private enum Gate { Anyone, People, Readers, CaseReaders, Leaders, DepartmentFigures, Officers, CaseWorkers, Ingest, Admins, Workers }

    private enum Side { Inside, Outside }

    /// <summary>
    /// One endpoint: how to call it on each side (null: scope does not apply), what an outside
    /// target answers to a caller who passes the gate, and, where the call is one the endpoint
    /// refuses on its merits (so that it changes nothing), the answer that shows it was let through.
    /// </summary>
    private sealed record Row(
        string Method, string Route, Gate Gate, Func<Side, Target?> Call, HttpStatusCode Outside = HttpStatusCode.Forbidden, bool FreshSession = false, HttpStatusCode? Through = null)
    {
        /// <summary>How the route is mapped: "*" when it takes any method.</summary>
        public string? MappedAs { get; init; }

        public string Key => $"{MappedAs ?? Method} {Route}";
    }

    private sealed record Target(string Path, object? Body = null);

    private static readonly string[] Callers = ["nobody", "center", .. AccessHost.Roles];

    private static string InGrid(Side side) => side == Side.Inside ? TestCity.Grid(1, 1) : TestCity.Grid(2, 1);

    private static string Street(Side side) => side == Side.Inside ? AccessHost.Scope : AccessHost.Foreign;

    private string AlertOn(Side side) => side == Side.Inside ? host.InsideAlert : host.ForeignAlert;

    private string CaseOn(Side side) => side == Side.Inside ? host.Cases.Inside : host.Cases.Foreign;

    private string WhistledOn(Side side) => side == Side.Inside ? host.WhistledCases.Inside : host.WhistledCases.Foreign;

    private static Func<Side, Target?> Unscoped(string path, object? body = null) => side => side == Side.Inside ? new Target(path, body) : null;

    private IReadOnlyList<Row> Table()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        return
        [
            new("POST", "/api/v1/auth/login", Gate.Anyone, Unscoped("/api/v1/auth/login", new { user = AccessHost.UserOf("viewer"), password = AccessHost.Password })),
            new("POST", "/api/v1/auth/logout", Gate.People, Unscoped("/api/v1/auth/logout"), FreshSession: true),
            new("GET", "/api/v1/auth/me", Gate.People, Unscoped("/api/v1/auth/me")),
            // The same password again is refused after the gate (422), so no one's password changes here.
            new("POST", "/api/v1/auth/password", Gate.People, Unscoped("/api/v1/auth/password", new { current = AccessHost.Password, password = AccessHost.Password }),
                Through: HttpStatusCode.UnprocessableEntity),

            new("GET", "/api/v1/users", Gate.Admins, Unscoped("/api/v1/users")),
            new("POST", "/api/v1/users", Gate.Admins, side => new Target("/api/v1/users",
                new { user = $"u-{side}-{Guid.NewGuid():N}"[..30], password = AccessHost.Password, role = "viewer", scope = Street(side) })),
            new("POST", "/api/v1/users/{name}/password", Gate.Admins, side => new Target($"/api/v1/users/{Throwaway(side)}/password", new { password = "another-password-2" }), HttpStatusCode.NotFound),
            new("POST", "/api/v1/users/{name}/disable", Gate.Admins, side => new Target($"/api/v1/users/{Throwaway(side)}/disable"), HttpStatusCode.NotFound),
            new("POST", "/api/v1/users/{name}/enable", Gate.Admins, side => new Target($"/api/v1/users/{Throwaway(side)}/enable"), HttpStatusCode.NotFound),

            new("POST", "/api/v1/apikeys", Gate.Admins, side => new Target("/api/v1/apikeys", new { center = $"ZZ-{unique}", scope = Street(side) })),
            new("GET", "/api/v1/apikeys", Gate.Admins, Unscoped("/api/v1/apikeys")),
            new("DELETE", "/api/v1/apikeys/{id}", Gate.Admins, side => new Target($"/api/v1/apikeys/{ThrowawayKey(side)}"), HttpStatusCode.NotFound),

            // Only an admin over the whole topology may replace it; the scoped admin is "outside".
            new("PUT", "/api/v1/topology", Gate.Admins, side => side == Side.Outside ? new Target("/api/v1/topology", TestCity.Build()) : null),
            new("GET", "/api/v1/topology", Gate.Readers, Unscoped("/api/v1/topology")),
            new("GET", "/api/v1/topology/{code}", Gate.Readers, side => new Target($"/api/v1/topology/{Street(side)}")),

            new("POST", "/api/v1/checkins", Gate.Ingest, side => new Target("/api/v1/checkins",
                new[] { Checkin(side == Side.Inside ? TestCity.Worker(1, 1, 1) : TestCity.Worker(2, 1, 1), InGrid(side), "patrol") })),
            new("POST", "/api/v1/alerts", Gate.Ingest, side => new Target("/api/v1/alerts", new[] { Alert(InGrid(side), severity: "warning") })),

            new("GET", "/api/v1/alerts", Gate.CaseReaders, side => new Target($"/api/v1/alerts?unit={Street(side)}")),
            // A department's user sees the cases their department is summoned to: the whistled ones.
            new("GET", "/api/v1/alerts/{id}", Gate.CaseReaders, side => new Target($"/api/v1/alerts/{WhistledOn(side)}"), HttpStatusCode.NotFound),
            new("POST", "/api/v1/alerts/{id}/clear", Gate.Ingest, side => new Target($"/api/v1/alerts/{AlertOn(side)}/clear"), HttpStatusCode.NotFound),
            new("POST", "/api/v1/alerts/{id}/ack", Gate.Officers, side => new Target($"/api/v1/alerts/{AlertOn(side)}/ack", new { note = "收到" }), HttpStatusCode.NotFound),
            new("POST", "/api/v1/alerts/{id}/dispatch", Gate.Officers, side => new Target($"/api/v1/alerts/{AlertOn(side)}/dispatch", new { assignee = "张伟" }), HttpStatusCode.NotFound),
            // On the whistled case: its part waits for the report-in, so a resolve is let through and answered 409.
            new("POST", "/api/v1/alerts/{id}/resolve", Gate.CaseWorkers, side => new Target($"/api/v1/alerts/{WhistledOn(side)}/resolve",
                new { note = "处理完毕", department = TestCity.Police(1) }), HttpStatusCode.NotFound),
            new("POST", "/api/v1/alerts/{id}/report-in", Gate.CaseWorkers, side => new Target($"/api/v1/alerts/{WhistledOn(side)}/report-in",
                new { note = "已到场", department = TestCity.Police(1) }), HttpStatusCode.NotFound),
            new("POST", "/api/v1/alerts/{id}/close", Gate.Officers, side => new Target($"/api/v1/alerts/{AlertOn(side)}/close", new { note = "结案" }), HttpStatusCode.NotFound),
            new("POST", "/api/v1/alerts/{id}/reject", Gate.Officers, side => new Target($"/api/v1/alerts/{CaseOn(side)}/reject", new { reason = "误报" }), HttpStatusCode.NotFound),
            new("POST", "/api/v1/alerts/{id}/verify", Gate.Officers, side => new Target($"/api/v1/alerts/{CaseOn(side)}/verify", new { passed = true }), HttpStatusCode.NotFound),
            new("POST", "/api/v1/alerts/{id}/supervise", Gate.Leaders, side => new Target($"/api/v1/alerts/{AlertOn(side)}/supervise", new { note = "请加快处置" }), HttpStatusCode.NotFound),
            new("POST", "/api/v1/alerts/{id}/rate", Gate.Officers, side => new Target($"/api/v1/alerts/{CaseOn(side)}/rate", new { score = 5 }), HttpStatusCode.NotFound),

            new("GET", "/api/v1/units/{code}/status", Gate.Readers, side => new Target($"/api/v1/units/{Street(side)}/status")),
            new("GET", "/api/v1/units/{code}/map", Gate.Readers, side => new Target($"/api/v1/units/{Street(side)}/map")),
            new("GET", "/api/v1/units/{code}/stats", Gate.Leaders, side => new Target($"/api/v1/units/{Street(side)}/stats")),
            new("GET", "/api/v1/units/{code}/charts/{file}", Gate.Readers, side => new Target($"/api/v1/units/{Street(side)}/charts/alerts-24h.svg")),
            new("GET", "/api/v1/units/{code}/assessment", Gate.Leaders, side => new Target($"/api/v1/units/{Street(side)}/assessment")),
            // The department's user belongs to street 1's police station: street 2's is another department's (outside).
            new("GET", "/api/v1/departments/{code}/assessment", Gate.DepartmentFigures,
                side => new Target($"/api/v1/departments/{(side == Side.Inside ? TestCity.Police(1) : TestCity.Police(2))}/assessment")),
            // Imports are checked before anything is written: an empty array is refused on its merits (422) once let through.
            new("POST", "/api/v1/import/cases", Gate.Admins, Unscoped("/api/v1/import/cases", Array.Empty<object>()), Through: HttpStatusCode.UnprocessableEntity),
            new("POST", "/api/v1/import/patrols", Gate.Admins, Unscoped("/api/v1/import/patrols", Array.Empty<object>()), Through: HttpStatusCode.UnprocessableEntity),
            new("GET", "/api/v1/import/{job}", Gate.Admins, Unscoped("/api/v1/import/none"), Through: HttpStatusCode.NotFound),
            new("PUT", "/api/v1/units/{code}/patrol-plan", Gate.Admins, side => new Target($"/api/v1/units/{Street(side)}/patrol-plan", new { cadence = "daily", visits = 1 })),
            new("DELETE", "/api/v1/units/{code}/patrol-plan", Gate.Admins, side => new Target($"/api/v1/units/{Street(side)}/patrol-plan")),
            new("GET", "/api/v1/units/{code}/patrol-plan", Gate.Readers, side => new Target($"/api/v1/units/{Street(side)}/patrol-plan")),
            new("PUT", "/api/v1/units/{code}/duty", Gate.Admins, side => new Target($"/api/v1/units/{Street(side)}/duty", Array.Empty<object>())),
            new("GET", "/api/v1/units/{code}/duty", Gate.Readers, side => new Target($"/api/v1/units/{Street(side)}/duty")),

            // The field page's: the grid worker's own grid is inside, street 2's grid outside.
            new("GET", "/api/v1/field/me", Gate.Workers, Unscoped("/api/v1/field/me")),
            new("POST", "/api/v1/field/checkins", Gate.Workers, side => new Target("/api/v1/field/checkins",
                new[] { new { id = Guid.NewGuid().ToString("N"), unit = InGrid(side), kind = "patrol", at = Reports.Time(Reports.Now) } })),
            new("POST", "/api/v1/field/reports", Gate.Workers, side => new Target("/api/v1/field/reports",
                new { sourceId = Guid.NewGuid().ToString("N"), unit = InGrid(side), category = "dumping", severity = "minor", at = Reports.Time(Reports.Now), detail = "垃圾堆放" })),
            // Not resolved, so not waiting for 核查 (409) inside; a case outside the worker's grid is unknown to them.
            new("POST", "/api/v1/field/verifications", Gate.Workers, side => new Target("/api/v1/field/verifications",
                new { id = Guid.NewGuid().ToString("N"), alert = side == Side.Inside ? host.FieldCases.Inside : host.FieldCases.Foreign, passed = true }),
                HttpStatusCode.NotFound, Through: HttpStatusCode.Conflict),
            new("GET", "/api/v1/alerts/{id}/photos", Gate.CaseReaders, side => new Target($"/api/v1/alerts/{WhistledOn(side)}/photos"), HttpStatusCode.NotFound),
            new("GET", "/api/v1/alerts/{id}/photos/{number}", Gate.CaseReaders, side => new Target($"/api/v1/alerts/{WhistledOn(side)}/photos/1"),
                HttpStatusCode.NotFound, Through: HttpStatusCode.NotFound),
            new("POST", "/api/v1/workers/{id}/enrolment", Gate.Officers,
                side => new Target($"/api/v1/workers/{(side == Side.Inside ? TestCity.Worker(1, 2, 1) : TestCity.Worker(2, 1, 1))}/enrolment")),
            // No code was issued for this worker: the attempt is let through and refused on its merits.
            new("POST", "/api/v1/auth/enrol", Gate.Anyone, Unscoped("/api/v1/auth/enrol", new { worker = TestCity.Worker(1, 3, 1), code = "00000000", password = "a-new-password-1" }),
                Through: HttpStatusCode.Unauthorized),

            new("GET", "/health/live", Gate.Anyone, Unscoped("/health/live")) { MappedAs = "*" },
            new("GET", "/health/ready", Gate.Anyone, Unscoped("/health/ready")) { MappedAs = "*" },

            // Operators' views span every unit: only an admin over the whole topology (the scoped admin is "outside").
            new("GET", "/metrics", Gate.Admins, side => side == Side.Outside ? new Target("/metrics") : null) { MappedAs = "*" },
            new("GET", "/openapi/{documentName}.json", Gate.Admins, side => side == Side.Outside ? new Target("/openapi/v1.json") : null),
            new("GET", "/scalar/{documentName?}", Gate.Admins, side => side == Side.Outside ? new Target("/scalar/v1") : null),
            // The reference page's own script and icon files hold nothing of the hub.
            new("GET", "/scalar/scalar.js", Gate.Anyone, Unscoped("/scalar/scalar.js")),
            new("GET", "/scalar/scalar.aspnetcore.js", Gate.Anyone, Unscoped("/scalar/scalar.aspnetcore.js")),
            new("GET", "/scalar/favicon.svg", Gate.Anyone, Unscoped("/scalar/favicon.svg")),
            .. OrleansDashboard.Select(route => new Row("GET", route, Gate.Admins,
                side => side == Side.Outside ? new Target(Regex.Replace(route, "\\{[^}]+\\}", "1")) : null)),

            new("POST", "/hubs/wall/negotiate", Gate.CaseReaders, Unscoped("/hubs/wall/negotiate?negotiateVersion=1")) { MappedAs = "*" },
        ];
    }

    /// <summary>The Orleans dashboard's routes (its package maps them): every one is the operators' alone.</summary>
    private static readonly string[] OrleansDashboard =
    [
        "/dashboard/", "/dashboard/index.html", "/dashboard/favicon.ico", "/dashboard/index.min.js", "/dashboard/index.css",
        "/dashboard/fonts/{**path}", "/dashboard/img/{**path}", "/dashboard/version", "/dashboard/DashboardCounters", "/dashboard/ClusterStats",
        "/dashboard/Reminders", "/dashboard/Reminders/{page:int}", "/dashboard/HistoricalStats/{*path}", "/dashboard/SiloProperties/{*address}",
        "/dashboard/SiloMetadata/{*address}", "/dashboard/SiloStats/{*address}", "/dashboard/SiloCounters/{*address}",
        "/dashboard/GrainStats/{*grainName}", "/dashboard/TopGrainMethods", "/dashboard/GrainState", "/dashboard/LifecycleStages",
        "/dashboard/GrainTypes", "/dashboard/Trace",
    ];

    // A user and a key on each side that the rows may reset, disable and revoke again and again.
    private string Throwaway(Side side) => side == Side.Inside ? host.SpareUsers.Inside : host.SpareUsers.Foreign;

    private string ThrowawayKey(Side side) => side == Side.Inside ? host.SpareKeyIds.Inside : host.SpareKeyIds.Foreign;

    [Fact]
    public void Every_endpoint_the_hub_maps_declares_its_rule_and_has_a_row()
    {
        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToArray();
        var missingRule = mapped.Where(e => e.Metadata.GetMetadata<AllowAttribute>() is null).Select(Describe).ToArray();
        Assert.True(missingRule.Length == 0, "endpoints without an access rule: " + string.Join(", ", missingRule));

        var keys = mapped.SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Where(k => !k.EndsWith(" /hubs/wall", StringComparison.Ordinal)) // the connection itself: covered by the negotiate row and the hub methods
            .ToHashSet();
        var rows = Table().Select(r => r.Key).ToHashSet();
        Assert.True(keys.SetEquals(rows), $"mapped but not in the table: {string.Join(", ", keys.Except(rows))}; in the table but not mapped: {string.Join(", ", rows.Except(keys))}");
    }

    /// <summary>
    /// The OpenAPI document agrees with the routes: every answer the table draws from them (each
    /// caller, each side) is declared for its operation with its status and content type, names no
    /// property the declared schema lacks, and every body the table sends is a declared request body.
    /// </summary>
    [Fact]
    public async Task Every_answer_the_table_draws_is_declared_in_the_api_document()
    {
        var document = new ApiDocumentReader((await host.Api.Get("/openapi/v1.json")).Json);
        var wrong = new List<string>();
        foreach (var row in Table())
        {
            var route = Regex.Replace(row.Route, "\\{([^}:?*]+)[^}]*\\}", "{$1}").Replace("{**", "{", StringComparison.Ordinal).Replace("{*", "{", StringComparison.Ordinal);
            if (route.StartsWith("/dashboard/", StringComparison.Ordinal) || route.StartsWith("/hubs/", StringComparison.Ordinal)
                || route.StartsWith("/scalar/", StringComparison.Ordinal) || route.StartsWith("/openapi/", StringComparison.Ordinal))
            {
                continue; // the Orleans dashboard's, the reference page's, the document's own and SignalR's routes are not the hub's API
            }
            if (document.Operation(row.Method, route) is not { } operation)
            {
                wrong.Add($"{row.Method} {route}: not in the document");
                continue;
            }
            foreach (var caller in Callers)
            {
                foreach (var side in new[] { Side.Inside, Side.Outside })
                {
                    if (row.Call(side) is not { } target)
                    {
                        continue;
                    }
                    if (target.Body is { } sent && SentProperties(sent) is { Count: > 0 } properties)
                    {
                        var declared = operation["requestBody"] is { } requestBody ? document.Properties(requestBody["content"]?["application/json"]?["schema"]) : null;
                        if (declared is null || properties.Except(declared).ToArray() is { Length: > 0 })
                        {
                            wrong.Add($"{row.Key}: the body sent ({string.Join(", ", properties)}) is not the declared request body ({string.Join(", ", declared ?? new HashSet<string>())})");
                        }
                    }
                    var answer = await Client(caller, row.FreshSession).Send(new HttpMethod(row.Method), target.Path, target.Body);
                    if (ApiDocumentReader.Response(operation, (int)answer.Status) is not { } response)
                    {
                        wrong.Add($"{row.Key} as {caller} ({side}): {(int)answer.Status} is not declared");
                        continue;
                    }
                    if (answer.ContentType is { } type && !ApiDocumentReader.ContentTypes(response).Contains(type))
                    {
                        wrong.Add($"{row.Key} as {caller} ({side}): {(int)answer.Status} answered {type}, declared {string.Join(", ", ApiDocumentReader.ContentTypes(response))}");
                    }
                    if (answer.Body is JsonObject body && document.Properties(response["content"]?[answer.ContentType!]?["schema"]) is { } named
                        && body.Select(p => p.Key).Except(named).ToArray() is { Length: > 0 } undeclared)
                    {
                        wrong.Add($"{row.Key} as {caller} ({side}): {(int)answer.Status} answered properties the schema lacks: {string.Join(", ", undeclared)}");
                    }
                }
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} disagreement(s):\n" + string.Join('\n', wrong.Distinct()));
    }

    /// <summary>The property names of a body as it goes on the wire (of its first item, for a batch).</summary>
    private static IReadOnlyList<string> SentProperties(object body)
    {
        var node = JsonSerializer.SerializeToNode(body, HubHost.Json);
        var first = node is JsonArray array ? array.FirstOrDefault() : node;
        return first is JsonObject item ? [.. item.Select(p => p.Key)] : [];
    }

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_its_role_and_scope_allow()
    {
        var wrong = new List<string>();
        foreach (var row in Table())
        {
            foreach (var caller in Callers)
            {
                foreach (var side in new[] { Side.Inside, Side.Outside })
                {
                    if (row.Call(side) is not { } target)
                    {
                        continue;
                    }
                    var api = Client(caller, row.FreshSession);
                    var answer = await api.Send(new HttpMethod(row.Method), target.Path, target.Body);
                    var expected = Expected(row, caller, side);
                    if (!expected.Admits(answer.Status))
                    {
                        wrong.Add($"{row.Key} as {caller} ({side}): {Short(answer)} — expected {expected}");
                    }
                    else if (answer.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && answer.ContentType != "application/problem+json")
                    {
                        wrong.Add($"{row.Key} as {caller} ({side}): {(int)answer.Status} without an RFC 7807 body");
                    }
                }
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} wrong answer(s):\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Every_hub_method_has_a_row()
    {
        var methods = typeof(WallHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(WallHub))
            .Select(m => m.Name)
            .ToHashSet();
        Assert.True(methods.SetEquals(HubRows.Keys), $"hub methods: {string.Join(", ", methods)}; rows: {string.Join(", ", HubRows.Keys)}");
        Assert.All(typeof(WallHub).GetMethods().Where(m => methods.Contains(m.Name)), m => Assert.NotNull(m.GetCustomAttribute<AllowAttribute>()));
    }

    /// <summary>Hub methods: the gate, and a call that returns what came back (or the refusal's text).</summary>
    private static readonly Dictionary<string, Gate> HubRows = new()
    {
        ["Watch"] = Gate.Readers,
        ["Unwatch"] = Gate.Readers,
        ["Ack"] = Gate.Officers,
    };

    [Fact]
    public async Task Every_hub_method_answers_each_person_as_their_role_and_scope_allow()
    {
        var wrong = new List<string>();
        foreach (var role in AccessHost.Roles)
        {
            var token = await host.Token(AccessHost.UserOf(role), AccessHost.Password);
            if (!Passes(Gate.CaseReaders, role))
            {
                // Who may not read cases may not open the wall's connection at all.
                var refused = await Assert.ThrowsAnyAsync<Exception>(() => WallClient.Connect(host, token));
                Assert.Contains("403", refused.Message, StringComparison.Ordinal);
                continue;
            }
            await using var wall = await WallClient.Connect(host, token);
            foreach (var side in new[] { Side.Inside, Side.Outside })
            {
                var watch = await Outcome(() => wall.Watch(Street(side)));
                Check("Watch", Gate.Readers, role, side, watch, outsideRefused: side == Side.Outside);
                var unwatch = await Outcome(async () => { await wall.Connection.InvokeAsync("Unwatch", Street(side)); return "ok"; });
                Check("Unwatch", Gate.Readers, role, side, unwatch, outsideRefused: false);
                var ack = await Outcome(async () =>
                    (await wall.Connection.InvokeAsync<JsonElement>("Ack", AlertOn(side), "收到")).GetProperty("status").GetInt32().ToString());
                var passes = Passes(Gate.Officers, role);
                var expectedAck = !passes ? "forbidden" : side == Side.Outside ? "404" : "200|409";
                if (!expectedAck.Split('|').Contains(ack))
                {
                    wrong.Add($"Ack as {role} ({side}): {ack}, expected {expectedAck}");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));

        void Check(string method, Gate gate, string role, Side side, string outcome, bool outsideRefused)
        {
            var refused = !Passes(gate, role) || outsideRefused;
            if (refused != (outcome == "forbidden"))
            {
                wrong.Add($"{method} as {role} ({side}): {outcome}");
            }
        }
    }

    [Fact]
    public async Task Nobody_and_a_center_key_cannot_open_the_wall_connection()
    {
        var anonymous = await host.Anonymous().Post("/hubs/wall/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        var center = await host.Center.Post("/hubs/wall/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Forbidden, center.Status);
        // SignalR's browser client sends the token as access_token on the query string.
        var token = await host.Token(AccessHost.UserOf("viewer"), AccessHost.Password);
        var viaQuery = await host.Anonymous().Post($"/hubs/wall/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(token)}", null);
        Assert.Equal(HttpStatusCode.OK, viaQuery.Status);
        var elsewhere = await host.Anonymous().Get($"/api/v1/auth/me?access_token={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.Status);
    }

    /// <summary>What a hub call answered, as text, or "forbidden" when the hub refused it.</summary>
    private static async Task<string> Outcome<T>(Func<Task<T>> call)
    {
        try
        {
            return (await call())?.ToString() ?? "";
        }
        catch (HubException e) when (e.Message.Contains("forbidden", StringComparison.Ordinal))
        {
            return "forbidden";
        }
    }

    private Api Client(string caller, bool fresh) => caller switch
    {
        "nobody" => host.Anonymous(),
        "center" => host.Center,
        _ => fresh ? host.As(AccessHost.UserOf(caller), AccessHost.Password) : host.People[caller],
    };

    private static bool Passes(Gate gate, string caller) => gate switch
    {
        Gate.Anyone => true,
        Gate.People => caller is "viewer" or "officer" or "leader" or "admin" or "department" or "worker",
        Gate.CaseReaders => caller is "viewer" or "officer" or "leader" or "admin" or "department",
        Gate.Workers => caller is "worker",
        Gate.Readers => caller is "viewer" or "officer" or "leader" or "admin",
        Gate.Leaders => caller is "leader" or "admin",
        Gate.DepartmentFigures => caller is "leader" or "admin" or "department",
        Gate.Officers => caller is "officer" or "admin",
        Gate.CaseWorkers => caller is "officer" or "admin" or "department",
        Gate.Ingest => caller is "center" or "admin",
        _ => caller is "admin",
    };

    private sealed record Expectation(HttpStatusCode? Exactly)
    {
        /// <summary>Let through: a success, or a lifecycle conflict (the alert moved on), never a refusal.</summary>
        public bool Admits(HttpStatusCode status) => Exactly is { } exactly ? status == exactly : (int)status is >= 200 and < 300 or 409;

        public override string ToString() => Exactly is { } exactly ? $"{(int)exactly}" : "2xx or 409";
    }

    private static Expectation Expected(Row row, string caller, Side side) =>
        caller == "nobody" && row.Gate != Gate.Anyone ? new(HttpStatusCode.Unauthorized)
        : !Passes(row.Gate, caller) ? new(HttpStatusCode.Forbidden)
        : side == Side.Outside ? new(row.Outside)
        : new(row.Through);

    private static string Short(Api.Answer answer) => answer.ToString() is var text && text.Length > 240 ? text[..240] + "…" : answer.ToString();

    private static string Describe(RouteEndpoint e) => e.RoutePattern.RawText ?? e.DisplayName ?? "?";
}
