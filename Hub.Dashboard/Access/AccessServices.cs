using System.Net;
using Hub.Grains.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Dashboard.Access;

public static class AccessServices
{
    /// <summary>Authentication (one scheme for keys, tokens and cookies), one policy per permission, rate limits.</summary>
    public static IServiceCollection AddHubAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedSettings<AccessOptions>(configuration.GetSection(AccessOptions.Section));
        services.AddSingleton<Passwords>();
        services.AddSingleton<Sessions>();
        services.AddSingleton<KeyRing>();
        services.AddSingleton<SecurityLog>();
        // Authentication brings ASP.NET Core data protection, which the hub never uses (tokens are
        // random values checked against storage): no key ring written to disk, no warning about it.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAuthentication(HubClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, HubAuthenticationHandler>(HubClaims.Scheme, null);
        services.AddAuthorization(AccessPolicies.Add);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccessOptions>>((o, access) => AccessPolicies.Limit(o, access.Value));
        return services;
    }

    /// <summary>After the page's static files (which anyone may load: it is the sign-in screen too), before the endpoints.</summary>
    public static WebApplication UseHubAccess(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<AccessOptions>>().Value.KnownProxies;
        if (proxies.Length > 0)
        {
            // Only when proxies are named: with no list, ASP.NET Core would believe the header from anyone.
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy)); // checked at start (AccessOptions.Problems)
            }
            app.UseForwardedHeaders(forwarded);
        }
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
