using System.Net;
using Hub.Tests.Support;

namespace Hub.Tests.Access;

/// <summary>A hub whose sessions last 3.6 seconds.</summary>
public sealed class ShortSessionHost : HubHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Hub:Auth:SessionHours", "0.001"),
        new("Hub:Auth:ViewerSessionDays", "0.0000417"),
    ];
}

/// <summary>API.md §9: an expired session is refused everywhere, and a live wall connection does not outlive it.</summary>
public class SessionExpiryTests(ShortSessionHost host) : IClassFixture<ShortSessionHost>
{
    [Fact]
    public async Task An_expired_token_gets_401_and_its_wall_connection_is_closed()
    {
        const string password = "short-lived-password";
        var admin = host.As(SignIn.AdminUser, SignIn.AdminPassword);
        // An officer's session does not slide, so it ends however it is used.
        Assert.Equal(HttpStatusCode.Created, (await admin.Post("/api/v1/users", new { user = "brief", password, role = "officer", scope = "*" })).Status);
        var token = await host.Token("brief", password);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var api = new Api(client);
        Assert.Equal(HttpStatusCode.OK, (await api.Get("/api/v1/auth/me")).Status);

        await using var wall = await WallClient.Connect(host, token);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = System.Diagnostics.Stopwatch.StartNew();
        Exception? why = null;
        wall.Connection.Closed += e =>
        {
            why = e;
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await wall.Watch(TestCity.District);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"closed after {started.Elapsed}: {why}");
        // The connection is closed on the server's clock check, a moment either side of the expiry the API sees.
        var after = await Eventually.Within(TimeSpan.FromSeconds(3), () => api.Get("/api/v1/auth/me"), a => a.Status == HttpStatusCode.Unauthorized, "the token expires");
        Assert.Contains("expired", after.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

/// <summary>A hub whose sessions last 10 seconds, and a viewer's, however used, 18 seconds at most.</summary>
public sealed class SlidingSessionHost : HubHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Hub:Auth:SessionHours", "0.0027778"),
        new("Hub:Auth:ViewerSessionDays", "0.00011574"),
        new("Hub:Auth:ViewerSessionMaxDays", "0.00020833"),
    ];
}

/// <summary>A kiosk stays signed in: a viewer's session in use slides on up to its absolute end; an idle one, and an officer's, end.</summary>
public class SlidingSessionTests(SlidingSessionHost host) : IClassFixture<SlidingSessionHost>
{
    [Fact]
    public async Task A_viewer_session_in_use_slides_on_to_its_absolute_end_while_an_idle_one_and_an_officers_end_sooner()
    {
        const string password = "sliding-password-1";
        foreach (var (user, role) in new[] { ("kiosk", "viewer"), ("duty", "officer") })
        {
            Assert.Equal(HttpStatusCode.Created, (await host.Api.Post("/api/v1/users", new { user, password, role, scope = "*" })).Status);
        }
        var used = await host.Token("kiosk", password);
        var idle = await host.Token("kiosk", password);
        var officer = await host.Token("duty", password);

        var since = System.Diagnostics.Stopwatch.StartNew();
        var cookiesRenewed = 0;
        TimeSpan? officerEnded = null;
        while (since.Elapsed < TimeSpan.FromSeconds(24))
        {
            // As the page asks: with the cookie.
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
            request.Headers.Add("Cookie", $"hub_session={used}");
            var at = since.Elapsed;
            using var answer = await host.CreateClient().SendAsync(request);
            if (at < TimeSpan.FromSeconds(16))
            {
                Assert.True(answer.StatusCode == HttpStatusCode.OK, $"the kiosk in use was signed out after {at}");
            }
            else if (at > TimeSpan.FromSeconds(19))
            {
                Assert.True(answer.StatusCode == HttpStatusCode.Unauthorized, $"the kiosk was still signed in {at} after sign-in, past its absolute end");
            }
            if (answer.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith($"hub_session={used}", StringComparison.Ordinal)))
            {
                cookiesRenewed++;
            }
            var duty = await Me(officer);
            if (duty == HttpStatusCode.Unauthorized)
            {
                officerEnded ??= since.Elapsed;
            }
            else
            {
                Assert.Null(officerEnded); // once ended, it stays ended
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        Assert.NotNull(officerEnded);
        Assert.True(cookiesRenewed >= 2, $"the cookie was renewed {cookiesRenewed} time(s) in 24 s of 10-second sessions");
        Assert.Equal(HttpStatusCode.Unauthorized, await Me(idle));
    }

    private async Task<HttpStatusCode> Me(string token)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var answer = await client.GetAsync("/api/v1/auth/me");
        return answer.StatusCode;
    }
}
