using Hub.Dashboard.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Hub.Dashboard.OpenApi;

/// <summary>
/// The API document generated from the endpoints (<c>/openapi/v1.json</c>) and its browsable
/// reference (<c>/scalar/v1</c>), both for operators: admins over the whole topology.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string Path = "/openapi/{documentName}.json";
    public const string ReferencePath = "/scalar";

    public const string BearerScheme = "bearer";
    public const string KeyScheme = "centerKey";
    public const string CookieScheme = "sessionCookie";

    public static IServiceCollection AddHubApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, o =>
        {
            o.AddDocumentTransformer(async (document, context, cancellationToken) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Governance Hub API (网格化治理实时监测中心)",
                    Version = Name,
                    Description = "Check-ins, alerts and the cases they become, the rolled-up status of every unit, figures and " +
                        "assessment, users and keys. Every rule, bound and event is written out in docs/API.md; live push is " +
                        "SignalR at /hubs/wall. Refusals are RFC 7807 problems naming what is wrong.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [BearerScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description = "A person's session token from POST /api/v1/auth/login.",
                    },
                    [KeyScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Header,
                        Name = HubAuthenticationHandler.KeyHeader,
                        Description = "A governance center's key (POST /api/v1/apikeys), for sending check-ins and alerts.",
                    },
                    [CookieScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Cookie,
                        Name = Sessions.CookieName,
                        Description = "The same session as a cookie (HttpOnly, SameSite=Strict), set by sign-in for the wall page.",
                    },
                };
                OperationsPaths.Add(document, await context.GetOrCreateSchemaAsync(typeof(HubProblem), null, cancellationToken));
            });
            o.AddOperationTransformer<OperationConventions>();
        });

    public static IEndpointRouteBuilder MapHubApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(Path).Allow(Permission.Operate);
        app.MapScalarApiReference(ReferencePath, (options, http) =>
        {
            options.WithTitle("Governance Hub API")
                .AddDocument(Name)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp();
            // The page's one inline script carries the nonce its Content-Security-Policy allows.
            options.Nonce = SecurityHeaders.NonceOf(http);
        }).Finally(endpoint =>
        {
            // Its script and style files are anonymous (they hold nothing of the hub); the page is the operators'.
            var open = endpoint.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any();
            endpoint.Metadata.Add(new AllowAttribute(open ? Permission.Anyone : Permission.Operate));
            if (!open)
            {
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(AccessPolicies.NameOf(Permission.Operate)));
            }
        });
        return app;
    }
}
