using Microsoft.OpenApi;

namespace Hub.Dashboard.OpenApi;

/// <summary>
/// The operators' endpoints that the framework maps as plain request delegates (health checks, the
/// Prometheus scrape), which the generator cannot see: written into the document by hand.
/// </summary>
public static class OperationsPaths
{
    public const string Tag = "Operations";

    private static readonly string[] HealthStatuses = ["Healthy", "Degraded", "Unhealthy"];

    /// <param name="problem">The schema of a refusal's body.</param>
    public static void Add(OpenApiDocument document, IOpenApiSchema problem)
    {
        document.Paths ??= [];
        document.Paths["/health/live"] = Get("Liveness: the process answers", "Always 200 while the process answers; no sign-in.", Health(200, "The process answers."));
        document.Paths["/health/ready"] = Get(
            "Readiness: the silo can serve",
            "200 when the silo is active in its cluster, the topology is loaded (Degraded, still 200, while none is stored yet) and PostgreSQL answers when configured; " +
            "503 naming what is not. No sign-in; nothing about the data.",
            Health(200, "Ready (Healthy or Degraded)."),
            Health(503, "Not ready: each check's status and why."));
        var metrics = document.Paths["/metrics"] = Get(
            "Metrics in Prometheus text format",
            "The hub's own hub_… series, ASP.NET Core, .NET runtime, Orleans and Npgsql. On the main port to an admin over the whole topology " +
            "(bearer token or the page's cookie); with Hub:Metrics:Port set, on that port alone and without sign-in.",
            new KeyValuePair<string, IOpenApiResponse>("200", new OpenApiResponse
            {
                Description = "The exposition.",
                Content = new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
            }));
        var scrape = metrics.Operations![HttpMethod.Get];
        scrape.Security = [.. new[] { ApiDocument.BearerScheme, ApiDocument.CookieScheme }
            .Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] })];
        scrape.Responses!["401"] = Refusal(problem, "No credential, or an expired or revoked one.");
        scrape.Responses["403"] = Refusal(problem, "Only an admin over the whole topology may scrape on the main port.");
    }

    private static OpenApiPathItem Get(string summary, string description, params KeyValuePair<string, IOpenApiResponse>[] responses)
    {
        var operation = new OpenApiOperation
        {
            Summary = summary,
            Description = description,
            Tags = new HashSet<OpenApiTagReference> { new(Tag) },
            Responses = [],
        };
        foreach (var (status, response) in responses)
        {
            operation.Responses[status] = response;
        }
        return new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } };
    }

    private static OpenApiResponse Refusal(IOpenApiSchema problem, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { [ApiDescription.Problem] = new() { Schema = problem } },
    };

    private static KeyValuePair<string, IOpenApiResponse> Health(int status, string description) => new(
        status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ApiDescription.Json] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "status", "checks" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["status"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. HealthStatuses.Select(s => (System.Text.Json.Nodes.JsonNode)s)] },
                            ["checks"] = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "Each check (silo, topology, postgres) by name: its status and description." },
                        },
                    },
                },
            },
        });
}
