using System.Net;
using System.Net.Http.Json;
using Hub.Tests.Support;

namespace Hub.Tests.Access;

/// <summary>A hub whose accounts lock after 3 failures for 3 seconds, so a lockout can be watched ending.</summary>
public sealed class LockoutHost : HubHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Hub:Auth:MaxFailedSignIns", "3"),
        new("Hub:Auth:LockoutMinutes", "0.05"),
    ];
}

/// <summary>API.md §9: people sign in, out, get locked out, disabled and reset.</summary>
public class SignInTests(LockoutHost host) : IClassFixture<LockoutHost>
{
    private const string Password = "a-long-enough-password";

    private async Task<string> NewUser(string role = "officer", string scope = "D1")
    {
        var user = $"p-{Guid.NewGuid():N}"[..16];
        var created = await host.Api.Post("/api/v1/users", new { user, password = Password, role, scope });
        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        Assert.Equal(role, created.Json["role"]!.GetValue<string>());
        Assert.Null(created.Json["password"]);
        return user;
    }

    private Task<Api.Answer> Login(string user, string password) => host.Anonymous().Post("/api/v1/auth/login", new { user, password });

    private Task<Api.Answer> Me(string token)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new Api(client).Get("/api/v1/auth/me");
    }

    [Fact]
    public async Task Sign_in_answers_a_bearer_token_and_sets_a_cookie_that_both_work()
    {
        var user = await NewUser(role: "leader", scope: TestCity.Street(2));
        using var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { user, password = Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Headers.CacheControl?.NoStore, "a sign-in answer carries a token and must not be stored");
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(user, body["user"]!.GetValue<string>());
        Assert.Equal("leader", body["role"]!.GetValue<string>());
        Assert.Equal(TestCity.Street(2), body["scope"]!.GetValue<string>());
        Assert.Equal("第2街道", body["scopeName"]!.GetValue<string>());
        Assert.True(body["expiresAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddHours(11));

        // The cookie alone (as the page sends it) and the token alone (as an app sends it).
        var byCookie = await new Api(client).Get("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.OK, byCookie.Status);
        using (var status = await client.GetAsync($"/api/v1/units/{TestCity.Street(2)}/status"))
        {
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            Assert.True(status.Headers.CacheControl?.NoStore, "scoped live data must not be stored by a cache");
        }
        Assert.Equal(user, byCookie.Json["user"]!.GetValue<string>());
        var byToken = await Me(body["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, byToken.Status);
        Assert.Equal("leader", byToken.Json["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401_without_a_cookie_or_redirect()
    {
        var user = await NewUser();
        using var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var (name, password) in new[] { (user, "not-the-password"), ("nobody-at-all", Password) })
        {
            using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { user = name, password });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False(response.Headers.Contains("Set-Cookie"));
            Assert.Null(response.Headers.Location);
            Assert.Contains("wrong user name or password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var empty = await host.Anonymous().Post("/api/v1/auth/login", new { user = "", password = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.Status);
    }

    [Fact]
    public async Task A_person_changes_their_own_password_which_ends_their_other_sessions_and_goes_on_in_a_new_one()
    {
        var user = await NewUser(role: "viewer", scope: TestCity.Street(1));
        const string Next = "my-own-new-password";
        var here = (await Login(user, Password)).Json["token"]!.GetValue<string>();
        var elsewhere = (await Login(user, Password)).Json["token"]!.GetValue<string>();

        var wrong = await ChangePassword(here, "not-my-password", Next);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.Status);
        Assert.Contains("current password is wrong", wrong.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var same = await ChangePassword(here, Password, Password);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, same.Status);
        var weak = await ChangePassword(here, Password, "short");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.Status);

        var changed = await ChangePassword(here, Password, Next);
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal(user, changed.Json["user"]!.GetValue<string>());
        var renewed = changed.Json["token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await Me(renewed)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Me(here)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Me(elsewhere)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(user, Password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Login(user, Next)).Status);
    }

    [Fact]
    public async Task Wrong_current_passwords_lock_the_account_like_failed_sign_ins()
    {
        var user = await NewUser();
        var token = (await Login(user, Password)).Json["token"]!.GetValue<string>();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await ChangePassword(token, $"guess-{i}-xxxxxxxx", "a-new-password-123")).Status);
        }
        var locked = await ChangePassword(token, Password, "a-new-password-123");
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.Status);
        Assert.NotNull(locked.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Login(user, Password)).Status);
    }

    private Task<Api.Answer> ChangePassword(string token, string current, string password)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new Api(client).Post("/api/v1/auth/password", new { current, password });
    }

    [Theory]
    [InlineData("x")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("../../../../../../../../../../../../etc/pwd")]
    [InlineData("中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中")]
    public async Task A_guessed_or_malformed_token_gets_401(string token)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var user = await NewUser();
        var token = (await Login(user, Password)).Json["token"]!.GetValue<string>();
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.NoContent, (await new Api(client).Post("/api/v1/auth/logout", null)).Status);
        var after = await Me(token);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Contains("expired or was ended", after.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_against_the_right_password_until_the_lock_ends()
    {
        var user = await NewUser();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Login(user, $"guess-{i}-xxxxxxxx")).Status);
        }
        var locked = await Login(user, Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.Status);
        Assert.NotNull(locked.RetryAfter);
        Assert.InRange(locked.RetryAfter!.Value.TotalSeconds, 1, 3);
        Assert.Contains("too many failed sign-ins", locked.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        await Task.Delay(locked.RetryAfter.Value + TimeSpan.FromMilliseconds(300));
        Assert.Equal(HttpStatusCode.OK, (await Login(user, Password)).Status);
        // A success starts the count again: two more failures do not lock.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(user, "wrong-again-xxxxxx")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(user, "wrong-again-xxxxxx")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Login(user, Password)).Status);
    }

    [Fact]
    public async Task Disabling_ends_a_users_sessions_and_a_password_reset_voids_old_tokens()
    {
        var user = await NewUser();
        var token = (await Login(user, Password)).Json["token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await Me(token)).Status);

        Assert.True((await host.Api.Post($"/api/v1/users/{user}/disable", null)).Json["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Me(token)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(user, Password)).Status);

        Assert.False((await host.Api.Post($"/api/v1/users/{user}/enable", null)).Json["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Me(token)).Status);
        var second = (await Login(user, Password)).Json["token"]!.GetValue<string>();

        var reset = await host.Api.Post($"/api/v1/users/{user}/password", new { password = "the-new-password-9" });
        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Me(second)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(user, Password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Login(user, "the-new-password-9")).Status);
    }

    [Fact]
    public async Task An_open_wall_connection_is_closed_when_its_session_is_ended_by_sign_out_password_change_or_disable()
    {
        var changer = await NewUser(role: "viewer");
        var disabled = await NewUser(role: "viewer");
        var signedOut = (await Login(changer, Password)).Json["token"]!.GetValue<string>();
        var elsewhere = (await Login(changer, Password)).Json["token"]!.GetValue<string>();
        var here = (await Login(changer, Password)).Json["token"]!.GetValue<string>();
        var other = (await Login(disabled, Password)).Json["token"]!.GetValue<string>();
        var walls = new Dictionary<string, (WallClient Wall, TaskCompletionSource Closed)>();
        foreach (var (name, token) in new[] { ("signed out", signedOut), ("password changed elsewhere", elsewhere), ("user disabled", other) })
        {
            var wall = await WallClient.Connect(host, token);
            var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            wall.Connection.Closed += _ =>
            {
                closed.TrySetResult();
                return Task.CompletedTask;
            };
            await wall.Watch(TestCity.District);
            walls[name] = (wall, closed);
        }
        await using var survivor = await WallClient.Connect(host);
        await survivor.Watch(TestCity.District);

        var signOut = host.CreateClient();
        signOut.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", signedOut);
        Assert.Equal(HttpStatusCode.NoContent, (await new Api(signOut).Post("/api/v1/auth/logout", null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await ChangePassword(here, Password, "changed-because-leaked")).Status);
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Post($"/api/v1/users/{disabled}/disable", null)).Status);

        foreach (var (name, (wall, closed)) in walls)
        {
            var done = await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.True(done == closed.Task, $"the wall whose session was ended ({name}) is still open");
            await wall.DisposeAsync();
        }
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, survivor.Connection.State);
    }

    [Fact]
    public async Task Bad_users_are_refused_naming_each_problem_and_names_are_unique_without_case()
    {
        var bad = await host.Api.Post("/api/v1/users", new { user = "has space", password = "short", role = "boss", scope = "NOPE" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.Status);
        Assert.Contains(bad.Errors, e => e.StartsWith("$.user:", StringComparison.Ordinal));
        Assert.Contains(bad.Errors, e => e.StartsWith("$.password:", StringComparison.Ordinal) && e.Contains("12", StringComparison.Ordinal));
        Assert.Contains(bad.Errors, e => e.StartsWith("$.role:", StringComparison.Ordinal));
        Assert.Contains(bad.Errors, e => e.StartsWith("$.scope:", StringComparison.Ordinal));

        var user = await NewUser();
        var again = await host.Api.Post("/api/v1/users", new { user = user.ToUpperInvariant(), password = Password, role = "viewer", scope = "D1" });
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal(HttpStatusCode.OK, (await Login(user.ToUpperInvariant(), Password)).Status);

        Assert.Equal(HttpStatusCode.Conflict, (await host.Api.Post($"/api/v1/users/{SignIn.AdminUser}/disable", null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.Post("/api/v1/users/nobody-here/disable", null)).Status);
    }

    [Fact]
    public async Task A_scoped_admin_sees_and_manages_only_users_of_their_scope()
    {
        var inside = await NewUser(scope: TestCity.Street(1));
        var outside = await NewUser(scope: TestCity.Street(2));
        var adminName = await NewUser(role: "admin", scope: TestCity.Street(1));
        var admin = host.As(adminName, Password);
        var listed = (await admin.Get("/api/v1/users")).Json["items"]!.AsArray().Select(u => u!["user"]!.GetValue<string>()).ToArray();
        Assert.Contains(inside, listed);
        Assert.Contains(adminName, listed);
        Assert.DoesNotContain(outside, listed);
        Assert.DoesNotContain(SignIn.AdminUser, listed);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Post($"/api/v1/users/{outside}/disable", null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Post("/api/v1/users", new { user = "wider", password = Password, role = "viewer", scope = "*" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Send(HttpMethod.Put, "/api/v1/topology", TestCity.Build())).Status);
    }
}
