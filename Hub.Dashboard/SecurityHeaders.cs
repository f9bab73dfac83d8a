using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Dashboard;

/// <summary>
/// Headers every answer carries: a Content-Security-Policy with no inline script or style and no
/// foreign origin (the wall serves all its assets itself), no framing, no content sniffing, no referrer;
/// and no caching of API answers, which carry session tokens and live, scoped data.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The wall's and the field page's policy. Images may also be <c>blob:</c> (a photo shown before
    /// it is sent) and come from the city's own tile server when one is configured.
    /// </summary>
    public static string ContentSecurityPolicy(string? tileOrigin) =>
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:{(tileOrigin is null ? "" : " " + tileOrigin)}; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; worker-src 'self'; manifest-src 'self'";

    /// <summary>
    /// The Orleans dashboard (admins only) sets a few styles inline and embeds a font as data: its
    /// pages get exactly that much more; scripts stay the page's own files.
    /// </summary>
    public const string OperatorDashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (admins only) starts itself with one inline script, allowed by a nonce made
    /// for each answer, and injects its styles.
    /// </summary>
    public static string ApiReferencePolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private const string NonceKey = "hub:csp-nonce";

    /// <summary>The nonce this answer's policy allows inline scripts by (API reference pages only).</summary>
    public static string? NonceOf(HttpContext context) => context.Items[NonceKey] as string;

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var pagePolicy = ContentSecurityPolicy(app.Services.GetRequiredService<IOptions<MapOptions>>().Value.TileOrigin);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            var path = context.Request.Path;
            if (path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase))
            {
                // Hex rather than base64: the page's writer HTML-encodes '+', which would make the
                // attribute differ from the header for about one nonce in three.
                var nonce = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
                context.Items[NonceKey] = nonce;
                headers.ContentSecurityPolicy = ApiReferencePolicy(nonce);
            }
            else
            {
                headers.ContentSecurityPolicy = path.StartsWithSegments("/dashboard", StringComparison.OrdinalIgnoreCase)
                    ? OperatorDashboardPolicy
                    : pagePolicy;
            }
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                headers.CacheControl = "no-store";
            }
            await next();
        });
        return app;
    }
}
