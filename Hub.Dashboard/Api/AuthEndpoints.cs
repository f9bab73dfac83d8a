using System.Security.Claims;
using Hub.Dashboard.Access;
using Hub.Dashboard.Api.Bodies;
using Hub.Dashboard.Api.Views;
using Hub.Dashboard.OpenApi;
using Hub.Grains.Model;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Dashboard.Api;

/// <summary>API.md §9: signing in (a bearer token and a cookie), out, who one is, and changing one's own password.</summary>
public static class AuthEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;
    private const string Tag = "Sign-in";

    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", Login).Allow(Permission.Anyone).RequireRateLimiting(AccessPolicies.SignInLimit)
            .WithSummary("Sign in: a session token, also set as the page's cookie").WithTags(Tag)
            .Takes<SignInBody>().Answers<SignedInView>().Refuses(400, 401, 413, 422, 429);
        api.MapPost("/auth/logout", Logout).Allow(Permission.SignedIn)
            .WithSummary("Sign out: end this session and clear the cookie").WithTags(Tag)
            .AnswersEmpty();
        api.MapGet("/auth/me", Me).Allow(Permission.SignedIn)
            .WithSummary("Who the caller is: user, role, scope and session expiry").WithTags(Tag)
            .Answers<MeView>();
        api.MapPost("/auth/password", ChangePassword).Allow(Permission.SignedIn).RequireRateLimiting(AccessPolicies.SignInLimit)
            .WithSummary("Change one's own password: every other session ends, this one goes on anew").WithTags(Tag)
            .Takes<PasswordChangeBody>().Answers<SignedInView>().Refuses(400, 403, 413, 422, 429);
        return api;
    }

    private static async Task<IResult> Login(HttpContext http, Sessions sessions, TopologyCatalog topology, SecurityLog security)
    {
        var (credentials, problem) = await JsonBody.ReadObject(http.Request, MaxBodyBytes, fields =>
            (User: fields.Code("user"), Password: fields.Text("password", maxLength: Passwords.MaxLength)));
        if (problem is not null)
        {
            return problem;
        }
        var address = SecurityLog.AddressOf(http.Connection.RemoteIpAddress);
        var outcome = await sessions.SignIn(credentials.User!, credentials.Password!, address);
        if (outcome.LockedFor is { } wait)
        {
            security.SignInLocked(credentials.User!, Seconds(wait), address);
            return Locked(http, wait);
        }
        if (!outcome.Succeeded)
        {
            security.SignInRefused(credentials.User!, address);
            return Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized", "wrong user name or password");
        }
        security.SignedIn(outcome.Account!.Name, WireName.Of(outcome.Account.Role), address);
        return SignedIn(http, outcome, topology.Current);
    }

    /// <summary>
    /// <c>{"current", "password"}</c>: the signed-in person's new password. Every session of theirs
    /// ends (other screens must sign in again); this one goes on with the new session answered here.
    /// </summary>
    private static async Task<IResult> ChangePassword(HttpContext http, Caller caller, Sessions sessions, TopologyCatalog topology, SecurityLog security)
    {
        var (change, problem) = await JsonBody.ReadObject(http.Request, MaxBodyBytes, fields =>
        {
            var current = fields.Text("current", maxLength: Passwords.MaxLength);
            var next = Passwords.ReadNew(fields);
            if (current is not null && next is not null && current == next)
            {
                fields.Error("password", "must differ from the current password");
            }
            return (Current: current!, Next: next!);
        });
        if (problem is not null)
        {
            return problem;
        }
        var address = SecurityLog.AddressOf(http.Connection.RemoteIpAddress);
        var outcome = await sessions.ChangePassword(caller.Name, change.Current, change.Next, address);
        if (outcome.LockedFor is { } wait)
        {
            security.SignInLocked(caller.Name, Seconds(wait), address);
            return Locked(http, wait);
        }
        if (!outcome.Succeeded)
        {
            security.PasswordChangeRefused(caller.Name, address);
            return Problems.Of(StatusCodes.Status403Forbidden, "Forbidden", "the current password is wrong");
        }
        security.PasswordChanged(caller.Name, address);
        return SignedIn(http, outcome, topology.Current);
    }

    /// <summary>429 with Retry-After while this address must wait after failed sign-ins for the account.</summary>
    private static IResult Locked(HttpContext http, TimeSpan wait)
    {
        var seconds = Seconds(wait);
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Of(StatusCodes.Status429TooManyRequests, "Too many failed sign-ins", $"too many failed sign-ins for this user from this address; try again in {seconds} s");
    }

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>A new session: its token in the answer and in the HttpOnly cookie the page uses.</summary>
    internal static IResult SignedIn(HttpContext http, SignInOutcome outcome, TopologyIndex index)
    {
        var session = outcome.Session!;
        Sessions.WriteCookie(http.Response, outcome.Token!, session.ExpiresAt, http.Request.IsHttps);
        return Results.Ok(new SignedInView(
            Token: outcome.Token!,
            ExpiresAt: session.ExpiresAt,
            User: outcome.Account!.Name,
            Role: outcome.Account.Role,
            Scope: outcome.Account.Scope,
            ScopeName: NameOf(outcome.Account.Scope, index),
            Department: outcome.Account.Department,
            DepartmentName: DepartmentNameOf(outcome.Account.Department, index),
            Wall: WallOf(http),
            Worker: outcome.Account.Worker,
            WorkerName: WorkerNameOf(outcome.Account.Worker, index)));
    }

    private static async Task<IResult> Logout(HttpContext http, Caller caller, Sessions sessions, SecurityLog security)
    {
        if (http.User.FindFirstValue(HubClaims.Session) is { } session)
        {
            await sessions.SignOut(session);
            security.SignedOut(caller.Name);
        }
        http.Response.Cookies.Delete(Sessions.CookieName, new CookieOptions { Path = "/" });
        return Results.NoContent();
    }

    private static async Task<IResult> Me(HttpContext http, Caller caller, TopologyCatalog topology)
    {
        var ticket = await http.AuthenticateAsync(HubClaims.Scheme);
        return Results.Ok(new MeView(
            User: caller.Name,
            Role: caller.Role!.Value,
            Scope: caller.Scope,
            ScopeName: NameOf(caller.Scope, topology.Current),
            Department: caller.Department,
            DepartmentName: DepartmentNameOf(caller.Department, topology.Current),
            ExpiresAt: ticket.Properties?.ExpiresUtc,
            Wall: WallOf(http),
            Worker: caller.Worker,
            WorkerName: WorkerNameOf(caller.Worker, topology.Current)));
    }

    /// <summary>How the wall folds a flood and when it raises the flood banner (<see cref="WallOptions"/>).</summary>
    private static WallView WallOf(HttpContext http)
    {
        var wall = http.RequestServices.GetRequiredService<IOptions<WallOptions>>().Value;
        return new WallView(wall.FoldAt, wall.FloodCount, wall.FloodMinutes);
    }

    private static string? NameOf(string scope, TopologyIndex index) => index.Find(scope)?.Name;

    private static string? WorkerNameOf(string? worker, TopologyIndex index) => worker is null ? null : index.Worker(worker)?.Name;

    private static string? DepartmentNameOf(string? department, TopologyIndex index) => department is null ? null : index.Department(department)?.Name;
}
