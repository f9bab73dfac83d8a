using Microsoft.AspNetCore.Builder;

namespace Hub.Dashboard;

/// <summary>
/// Headers every answer carries: a Content-Security-Policy with no inline script or style and no
/// foreign origin (the wall serves all its assets itself), no framing, no content sniffing, no referrer;
/// and no caching of API answers, which carry session tokens and live, scoped data.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The Orleans dashboard (admins only) sets a few styles inline and embeds a font as data: its
    /// pages get exactly that much more; scripts stay the page's own files.
    /// </summary>
    public const string OperatorDashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/dashboard", StringComparison.OrdinalIgnoreCase)
                ? OperatorDashboardPolicy
                : ContentSecurityPolicy;
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
