using System.Security.Claims;
using Hub.Grains.Access;
using Hub.Grains.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Hub.Dashboard.Access;

/// <summary>Signing in and out, and finding the person behind a bearer token or session cookie.</summary>
public sealed class Sessions(IGrainFactory grains, Passwords passwords, TimeProvider time, IOptions<AccessOptions> options)
{
    public const string CookieName = "hub_session";

    public const string Expired = "the session has expired or was ended; sign in again";

    private IAccountsGrain Accounts => grains.GetGrain<IAccountsGrain>(IAccountsGrain.Key);

    public async Task<SignInOutcome> SignIn(string user, string password, string address)
    {
        var (account, refusal, now) = await Check(user, password, address);
        return account is null ? refusal : await Open(account, now);
    }

    /// <summary>
    /// A person changes their own password, proven by the current one; a wrong one counts toward
    /// the lockout as a failed sign-in does. Every session of theirs ends and a new one is opened.
    /// </summary>
    public async Task<SignInOutcome> ChangePassword(string user, string current, string next, string address)
    {
        var (account, refusal, _) = await Check(user, current, address);
        if (account is null)
        {
            return refusal;
        }
        var hash = passwords.Hash(next);
        // Read after the slow hashes: a session opened meanwhile with the old password must end too.
        var now = time.GetUtcNow();
        var changed = await Accounts.SetPassword(account.Name, hash, now);
        return changed is null ? SignInOutcome.Refused : await Open(changed, now);
    }

    /// <summary>The enabled account whose password this is, or the refusal (with the lock's time left when locked).</summary>
    private async Task<(UserAccount? Account, SignInOutcome Refusal, DateTimeOffset Now)> Check(string user, string password, string address)
    {
        var now = time.GetUtcNow();
        var attempt = await Accounts.BeginSignIn(user, address, now, options.Value.Lockout);
        if (attempt.LockedUntil is { } until)
        {
            return (null, SignInOutcome.Refused with { LockedFor = until - now }, now);
        }
        var check = await passwords.Verify(attempt.Account, password);
        if (check == PasswordCheck.Wrong || attempt.Account is not { Disabled: false } account)
        {
            return (null, SignInOutcome.Refused, now);
        }
        await Accounts.SignedIn(account.Name, address);
        if (check == PasswordCheck.RightButWeaklyHashed)
        {
            await Upgrade(account, password);
        }
        return (account, SignInOutcome.Refused, now);
    }

    /// <summary>Bookkeeping: a failed upgrade never fails the sign-in; the next one tries again.</summary>
    private async Task Upgrade(UserAccount account, string password)
    {
        try
        {
            await Accounts.Rehash(account.Name, account.PasswordHash, passwords.Hash(password));
        }
        catch (StorageUnavailableException)
        {
            // Kept as it was; still verifies.
        }
    }

    /// <summary>A session for an account whose owner proved themselves otherwise (a redeemed enrolment code).</summary>
    public Task<SignInOutcome> OpenFor(UserAccount account) => Open(account, time.GetUtcNow());

    private async Task<SignInOutcome> Open(UserAccount account, DateTimeOffset now)
    {
        var token = Secrets.NewToken();
        var session = new Session(account.Name, now, now + options.Value.SessionLifetime(account.Role));
        await grains.GetGrain<ISessionGrain>(Secrets.Digest(token)).Open(session);
        return new SignInOutcome(token, session, account, null);
    }

    /// <summary>
    /// The person a token stands for while the session lasts and the account is enabled with the
    /// same credentials, and until when; <c>Renewed</c> when a sliding session was just extended.
    /// </summary>
    public async Task<(ClaimsPrincipal? Person, DateTimeOffset ExpiresAt, bool Renewed)> Authenticate(string token)
    {
        if (!Secrets.LooksLikeToken(token))
        {
            return (null, default, false);
        }
        var now = time.GetUtcNow();
        var key = Secrets.Digest(token);
        var grain = grains.GetGrain<ISessionGrain>(key);
        var (session, account) = await Live(grain, now);
        if (session is null || account is null)
        {
            return (null, default, false);
        }
        var (expiresAt, renewed) = await Slide(grain, session, account.Role, now);
        return (HubClaims.Person(account, key), expiresAt, renewed);
    }

    /// <summary>
    /// A viewer's session used in the second half of its life starts a whole one again, but never
    /// past its absolute end, so a stolen kiosk token does not live for ever. One write per half
    /// lifetime at most: a kiosk's session is renewed a few times a month.
    /// </summary>
    private async Task<(DateTimeOffset ExpiresAt, bool Renewed)> Slide(ISessionGrain grain, Session session, Role role, DateTimeOffset now)
    {
        var lifetime = options.Value.SessionLifetime(role);
        var until = Min(now + lifetime, session.IssuedAt + options.Value.ViewerSessionLimit);
        if (!AccessOptions.Slides(role) || session.ExpiresAt - now >= lifetime / 2 || until <= session.ExpiresAt)
        {
            return (session.ExpiresAt, false);
        }
        try
        {
            return await grain.Renew(now, until) is { } renewed ? (renewed.ExpiresAt, true) : (session.ExpiresAt, false);
        }
        catch (StorageUnavailableException)
        {
            // Renewing is bookkeeping: the session is good as it is, and the next request tries again.
            return (session.ExpiresAt, false);
        }
    }

    /// <summary>
    /// Whether the session stored under this key (<see cref="HubClaims.Session"/>) still stands: not
    /// expired or ended, and its person enabled with the same credentials.
    /// </summary>
    public async Task<bool> IsLive(string sessionKey) =>
        await Live(grains.GetGrain<ISessionGrain>(sessionKey), time.GetUtcNow()) is { Session: not null, Account: not null };

    private async Task<(Session? Session, UserAccount? Account)> Live(ISessionGrain grain, DateTimeOffset now)
    {
        var session = await grain.Find(now);
        if (session is null)
        {
            return (null, null);
        }
        var account = await Accounts.Find(session.User);
        return account is { Disabled: false } && session.IssuedAt >= account.CredentialsSince ? (session, account) : (null, null);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>Sets the HttpOnly session cookie the page sends by itself, lasting as long as the session.</summary>
    public static void WriteCookie(HttpResponse response, string token, DateTimeOffset expiresAt, bool secure) =>
        response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = secure,
            Path = "/",
            Expires = expiresAt,
            IsEssential = true,
        });

    /// <summary>Ends a session by its stored key (<see cref="HubClaims.Session"/>).</summary>
    public Task SignOut(string sessionKey) => grains.GetGrain<ISessionGrain>(sessionKey).Close();
}
