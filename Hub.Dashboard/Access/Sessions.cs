using System.Security.Claims;
using Hub.Grains.Access;
using Microsoft.Extensions.Options;

namespace Hub.Dashboard.Access;

/// <summary>Signing in and out, and finding the person behind a bearer token or session cookie.</summary>
public sealed class Sessions(IGrainFactory grains, Passwords passwords, TimeProvider time, IOptions<AccessOptions> options)
{
    public const string CookieName = "hub_session";

    public const string Expired = "the session has expired or was ended; sign in again";

    private IAccountsGrain Accounts => grains.GetGrain<IAccountsGrain>(IAccountsGrain.Key);

    public async Task<SignInOutcome> SignIn(string user, string password)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var attempt = await Accounts.BeginSignIn(user, now, new LockoutPolicy(settings.MaxFailedSignIns, TimeSpan.FromMinutes(settings.LockoutMinutes)));
        if (attempt.LockedUntil is { } until)
        {
            return SignInOutcome.Refused with { LockedFor = until - now };
        }
        if (!await passwords.Verify(attempt.Account, password) || attempt.Account is not { Disabled: false } account)
        {
            return SignInOutcome.Refused;
        }
        await Accounts.SignedIn(account.Name);
        var token = Secrets.NewToken();
        var session = new Session(account.Name, now, now + settings.SessionLifetime(account.Role));
        await grains.GetGrain<ISessionGrain>(Secrets.Digest(token)).Open(session);
        return new SignInOutcome(token, session, account, null);
    }

    /// <summary>The person a token stands for while the session lasts and the account is enabled with the same credentials.</summary>
    public async Task<(ClaimsPrincipal? Person, DateTimeOffset ExpiresAt)> Authenticate(string token)
    {
        if (!Secrets.LooksLikeToken(token))
        {
            return (null, default);
        }
        var now = time.GetUtcNow();
        var key = Secrets.Digest(token);
        var session = await grains.GetGrain<ISessionGrain>(key).Find(now);
        if (session is null)
        {
            return (null, default);
        }
        var account = await Accounts.Find(session.User);
        return account is { Disabled: false } && session.IssuedAt >= account.CredentialsSince
            ? (HubClaims.Person(account, key), session.ExpiresAt)
            : (null, default);
    }

    /// <summary>Ends a session by its stored key (<see cref="HubClaims.Session"/>).</summary>
    public Task SignOut(string sessionKey) => grains.GetGrain<ISessionGrain>(sessionKey).Close();
}
