using Hub.Dashboard.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Hub.Dashboard.OpenApi;

/// <summary>
/// What every operation of the document says the same way: the body it reads, who may call it (its
/// <see cref="AllowAttribute"/> as security requirements and in words), and the refusals any
/// endpoint may give — 401 and 403 to callers without the right, 429 where a rate limit applies,
/// 503 while PostgreSQL is unavailable.
/// </summary>
public sealed class OperationConventions : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<RequestBody>().LastOrDefault() is { } body)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = body.Description,
                Content = await ContentOf(body, context, cancellationToken),
            };
        }
        operation.Responses ??= [];
        var problem = await context.GetOrCreateSchemaAsync(typeof(HubProblem), null, cancellationToken);
        void Refusal(int status, string description)
        {
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { [ApiDescription.Problem] = new() { Schema = problem } },
            });
        }

        var permission = metadata.OfType<AllowAttribute>().LastOrDefault()?.Permission;
        if (permission is { } p && p != Permission.Anyone)
        {
            operation.Security = [.. SchemesFor(p).Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] })];
            operation.Description = $"{operation.Description}{(operation.Description is null ? "" : "\n\n")}Who may: {AccessPolicies.Needs(p)}.";
            Refusal(StatusCodes.Status401Unauthorized, "No credential, or an expired or revoked one.");
            Refusal(StatusCodes.Status403Forbidden, $"The caller's role may not ({AccessPolicies.Needs(p)} may), or the target lies outside its scope.");
        }
        if (permission == Permission.Ingest || metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            Refusal(StatusCodes.Status429TooManyRequests, "Too many requests from this caller; Retry-After says when to try again.");
        }
        if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
        {
            Refusal(StatusCodes.Status503ServiceUnavailable, "A change could not be made durable (PostgreSQL unavailable) or the hub is past what it can take; Retry-After says when to try again.");
        }
    }

    private static async Task<Dictionary<string, OpenApiMediaType>> ContentOf(RequestBody body, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(body.Shape, null, cancellationToken);
        return body.ContentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = schema });
    }

    /// <summary>The ways in a caller with <paramref name="permission"/> may present itself.</summary>
    public static IReadOnlyList<string> SchemesFor(Permission permission) => permission == Permission.Ingest
        ? [ApiDocument.KeyScheme, ApiDocument.BearerScheme, ApiDocument.CookieScheme]
        : [ApiDocument.BearerScheme, ApiDocument.CookieScheme];
}
