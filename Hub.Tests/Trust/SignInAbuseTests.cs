using System.Net;
using System.Net.Http.Json;
using Hub.Tests.Support;

namespace Hub.Tests.Trust;

/// <summary>
/// A stranger guessing at an officer's name must not keep the officer off the wall: failed
/// sign-ins are counted per account and client address, and the wait they earn grows with each
/// further failure. The client address comes from <c>X-Forwarded-For</c> only when the request
/// came through a proxy named in <c>Hub:Auth:KnownProxies</c>.
/// </summary>
public class SignInAbuseTests
{
    private const string Password = "officer-password-1";
    private const string Stranger = "203.0.113.9";
    private const string Officer = "198.51.100.7";

    private static Task<SiloProcess> Start(bool behindProxy)
    {
        var settings = new Dictionary<string, string>
        {
            ["Hub:Demo"] = "false",
            ["Hub:Auth:MaxFailedSignIns"] = "3",
            ["Hub:Auth:LockoutMinutes"] = "0.05",
            ["Hub:Auth:MaxLockoutMinutes"] = "1",
        };
        if (behindProxy)
        {
            settings["Hub:Auth:KnownProxies:0"] = "127.0.0.1";
        }
        return SiloProcess.Start(settings);
    }

    private static async Task<(HttpStatusCode Status, TimeSpan? RetryAfter)> Login(SiloProcess silo, string user, string password, string from)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { user, password }) };
        request.Headers.Add("X-Forwarded-For", from);
        using var response = await silo.Anonymous().Http.SendAsync(request);
        return (response.StatusCode, response.Headers.RetryAfter?.Delta);
    }

    private static async Task CreateOfficer(SiloProcess silo, string user) =>
        Assert.Equal(HttpStatusCode.Created, (await silo.Api.Post("/api/v1/users", new { user, password = Password, role = "officer", scope = "*" })).Status);

    [Fact]
    public async Task A_strangers_guesses_slow_the_stranger_ever_more_and_never_the_officer()
    {
        await using var silo = await Start(behindProxy: true);
        await CreateOfficer(silo, "duty-li");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Login(silo, "duty-li", "a-wrong-guess", Stranger)).Status);
        }
        var locked = await Login(silo, "duty-li", Password, Stranger);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.Status);
        Assert.InRange(locked.RetryAfter!.Value.TotalSeconds, 1, 3);

        // The officer, elsewhere, signs in all the while.
        Assert.Equal(HttpStatusCode.OK, (await Login(silo, "duty-li", Password, Officer)).Status);

        // The wait grows: after it ends, one more wrong guess earns twice the wait.
        await Task.Delay(locked.RetryAfter.Value + TimeSpan.FromMilliseconds(300));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(silo, "duty-li", "another-guess", Stranger)).Status);
        var longer = await Login(silo, "duty-li", "yet-another-guess", Stranger);
        Assert.Equal(HttpStatusCode.TooManyRequests, longer.Status);
        Assert.InRange(longer.RetryAfter!.Value.TotalSeconds, 4, 6);
        Assert.Equal(HttpStatusCode.OK, (await Login(silo, "duty-li", Password, Officer)).Status);
    }

    [Fact]
    public async Task Without_a_known_proxy_a_forwarded_address_is_not_believed()
    {
        await using var silo = await Start(behindProxy: false);
        await CreateOfficer(silo, "duty-wang");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Login(silo, "duty-wang", "a-wrong-guess", $"203.0.113.{i}")).Status);
        }
        // Every request came from this machine, whatever the header said: that address waits.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Login(silo, "duty-wang", Password, Officer)).Status);
    }
}
