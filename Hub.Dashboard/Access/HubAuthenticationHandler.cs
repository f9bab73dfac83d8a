using System.Text.Encodings.Web;
using Hub.Dashboard.Api;
using Hub.Dashboard.Live;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Hub.Dashboard.Access;

/// <summary>
/// The one way in (API.md §9): a center's <c>X-Api-Key</c>, or a person's session token as
/// <c>Authorization: Bearer</c>, as SignalR's <c>access_token</c>, or in the session cookie.
/// Refusals are RFC 7807 bodies, never redirects.
/// </summary>
public sealed class HubAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    Sessions sessions,
    KeyRing keys,
    SecurityLog security) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string KeyHeader = "X-Api-Key";

    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.TryGetValue(KeyHeader, out var presented))
        {
            if (await keys.Authenticate(presented.ToString()) is { } key)
            {
                return Success(HubClaims.Center(key), expiresAt: null);
            }
            security.KeyRefused(SecurityLog.AddressOf(Context.Connection.RemoteIpAddress));
            return AuthenticateResult.Fail("the API key is unknown or revoked");
        }
        var (token, fromCookie, problem) = PresentedToken();
        if (problem is not null)
        {
            return AuthenticateResult.Fail(problem);
        }
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }
        var (person, expiresAt, renewed) = await sessions.Authenticate(token);
        if (person is null)
        {
            return AuthenticateResult.Fail(Sessions.Expired);
        }
        if (renewed && fromCookie && !Response.HasStarted)
        {
            // The browser would otherwise drop the cookie at the session's first end.
            Sessions.WriteCookie(Response, token, expiresAt, Request.IsHttps);
        }
        return Success(person, expiresAt);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        var detail = result.Failure?.Message ?? $"sign in (POST /api/v1/auth/login) and send the token, or send a center's {KeyHeader}";
        await Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized", detail).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var caller = Caller.Of(Context.User);
        var rule = Context.GetEndpoint()?.Metadata.GetMetadata<AllowAttribute>();
        var detail = rule is null
            ? $"{caller.Describe()} may not do this"
            : $"{caller.Describe()} may not do this: it needs {AccessPolicies.Needs(rule.Permission)}";
        return Problems.Of(StatusCodes.Status403Forbidden, "Forbidden", detail).ExecuteAsync(Context);
    }

    /// <summary>The session token from the header, the hub's query string, or the cookie, in that order.</summary>
    private (string? Token, bool FromCookie, string? Problem) PresentedToken()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && authorization.Length > BearerPrefix.Length
                ? (authorization[BearerPrefix.Length..].Trim(), false, null)
                : (null, false, "the Authorization header must be 'Bearer <token>'");
        }
        if (Request.Path.StartsWithSegments(WallHub.Path) && Request.Query["access_token"].ToString() is { Length: > 0 } queryToken)
        {
            return (queryToken, false, null);
        }
        return Request.Cookies[Sessions.CookieName] is { Length: > 0 } cookie ? (cookie, true, null) : (null, false, null);
    }

    // The expiry lets SignalR close a live connection when its session ends.
    private AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal principal, DateTimeOffset? expiresAt) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expiresAt }, Scheme.Name));
}
