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
        Assert.Equal(HttpStatusCode.Created, (await admin.Post("/api/v1/users", new { user = "brief", password, role = "viewer", scope = "*" })).Status);
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
