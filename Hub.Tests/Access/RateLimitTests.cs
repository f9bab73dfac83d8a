using System.Net;
using Hub.Tests.Support;

namespace Hub.Tests.Access;

/// <summary>A hub whose keys may make 3 requests at once and 1 a second after, and which takes 6 sign-ins a minute from one address.</summary>
public sealed class RateLimitedHost : HubHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Hub:Auth:KeyRequestsPerSecond", "1"),
        new("Hub:Auth:KeyBurst", "3"),
        new("Hub:Auth:SignInsPerMinute", "6"),
    ];
}

/// <summary>API.md §9: per-key rate limiting with 429 and Retry-After; one key's flood does not slow another.</summary>
public class RateLimitTests(RateLimitedHost host) : IClassFixture<RateLimitedHost>
{
    private async Task<Api> NewCenter(string name)
    {
        var created = await host.Api.Post("/api/v1/apikeys", new { center = name, scope = "*" });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return host.WithKey(created.Json["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_whatever_the_user_name()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Get("/api/v1/auth/me")).Status); // the admin's own sign-in, before the window fills
        var answers = new List<Api.Answer>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add(await host.Anonymous().Post("/api/v1/auth/login", new { user = $"guess-{i}", password = "password-guess-1" }));
        }
        var first = answers.FindIndex(a => a.Status == HttpStatusCode.TooManyRequests);
        Assert.True(first > 0, string.Join(", ", answers.Select(a => (int)a.Status)));
        Assert.All(answers[..first], a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        Assert.All(answers[first..], a =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, a.Status);
            Assert.Equal("application/problem+json", a.ContentType);
            Assert.True(a.RetryAfter >= TimeSpan.FromSeconds(1));
        });
    }

    [Fact]
    public async Task A_key_past_its_rate_gets_429_with_Retry_After_and_other_keys_carry_on()
    {
        var flooding = await NewCenter("ZZ-FLOOD");
        var quiet = await NewCenter("ZZ-QUIET");
        var answers = new List<Api.Answer>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add(await flooding.Checkins());
        }
        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToArray();
        Assert.NotEmpty(refused);
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Accepted or HttpStatusCode.TooManyRequests, a.ToString()));
        Assert.All(refused, a =>
        {
            Assert.Equal("application/problem+json", a.ContentType);
            Assert.NotNull(a.RetryAfter);
            Assert.True(a.RetryAfter!.Value >= TimeSpan.FromSeconds(1), a.RetryAfter.ToString());
        });

        Assert.Equal(HttpStatusCode.Accepted, (await quiet.Checkins()).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await host.Api.Checkins()).Status);
        await Task.Delay(refused[^1].RetryAfter!.Value + TimeSpan.FromMilliseconds(200));
        Assert.Equal(HttpStatusCode.Accepted, (await flooding.Checkins()).Status);
    }
}
