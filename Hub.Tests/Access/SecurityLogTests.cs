using System.Net;
using Hub.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Hub.Tests.Access;

/// <summary>A hub whose log is kept, with the security trail on and accounts locking after 2 failures.</summary>
public sealed class LoggedHost : HubHost
{
    public LogSink Log { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Hub:Auth:MaxFailedSignIns", "2"),
        new("Logging:LogLevel:Hub.Security", "Information"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
    }
}

/// <summary>The security trail: sign-ins, lockouts, and admins' changes to people and keys, without a secret in it.</summary>
public class SecurityLogTests(LoggedHost host) : IClassFixture<LoggedHost>
{
    private const string Password = "the-right-password-1";
    private const string Guess = "a-wrong-guess-123";
    private const string NewPassword = "another-password-22";
    private const string OwnPassword = "own-new-password-33";

    [Fact]
    public async Task Sign_ins_lockouts_and_admin_changes_are_logged_by_name_and_no_secret_is()
    {
        Assert.Equal(HttpStatusCode.Created, (await host.Api.Post("/api/v1/users", new { user = "trail-a", password = Password, role = "officer", scope = TestCity.Street(1) })).Status);
        Assert.Equal(HttpStatusCode.Created, (await host.Api.Post("/api/v1/users", new { user = "trail-b", password = Password, role = "viewer", scope = TestCity.Street(2) })).Status);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Login("trail-a", Guess)).Status);
        var signedIn = await Login("trail-a", Password);
        Assert.Equal(HttpStatusCode.OK, signedIn.Status);
        var token = signedIn.Json["token"]!.GetValue<string>();
        var trailA = host.As("trail-a", Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await trailA.Post("/api/v1/auth/password", new { current = Guess, password = OwnPassword })).Status);
        Assert.Equal(HttpStatusCode.OK, (await trailA.Post("/api/v1/auth/password", new { current = Password, password = OwnPassword })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await host.As("trail-a", OwnPassword).Post("/api/v1/auth/logout", null)).Status);
        for (var i = 0; i < 2; i++)
        {
            await Login("trail-b", Guess);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Login("trail-b", Password)).Status);

        Assert.Equal(HttpStatusCode.OK, (await host.Api.Post("/api/v1/users/trail-a/password", new { password = NewPassword })).Status);
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Post("/api/v1/users/trail-a/disable", null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Post("/api/v1/users/trail-a/enable", null)).Status);

        var created = await host.Api.Post("/api/v1/apikeys", new { center = "ZZ-日志", scope = TestCity.Street(1) });
        var key = created.Json["key"]!.GetValue<string>();
        var id = created.Json["id"]!.GetValue<string>();
        var forged = $"ghk_{id}_{new string('A', 43)}";
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.WithKey(forged).Checkins()).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Api.Delete($"/api/v1/apikeys/{id}")).Status);

        var trail = host.Log.Lines.Where(l => l.Category == "Hub.Security").Select(l => l.Text).ToArray();
        string[] expected =
        [
            "users: 'admin' created user 'trail-a' (officer, scope D1-S1)",
            "sign-in: refused user 'trail-a' from",
            "sign-in: user 'trail-a' (officer) signed in from",
            "password: refused a change by user 'trail-a' from",
            "password: user 'trail-a' changed their password from",
            "sign-out: user 'trail-a'",
            "sign-in: user 'trail-b' is locked for",
            "users: 'admin' reset the password of user 'trail-a'",
            "users: 'admin' disabled user 'trail-a'",
            "users: 'admin' enabled user 'trail-a'",
            $"keys: 'admin' created API key {id} (scope D1-S1)",
            "keys: refused an unknown, revoked or malformed X-Api-Key from",
            $"keys: 'admin' revoked API key {id}",
        ];
        foreach (var line in expected)
        {
            Assert.True(trail.Any(t => t.StartsWith(line, StringComparison.Ordinal)), $"no line starting '{line}' in:\n{string.Join('\n', trail)}");
        }

        var everything = string.Join('\n', host.Log.Lines.Select(l => l.Text));
        foreach (var secret in new[] { Password, Guess, NewPassword, OwnPassword, token, KeySecret.Of(key), forged })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    private Task<Api.Answer> Login(string user, string password) => host.Anonymous().Post("/api/v1/auth/login", new { user, password });
}
