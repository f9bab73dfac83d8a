using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Hub.Tests.Support;

/// <summary>The credentials test hubs start with, and signing in through the public API.</summary>
public static class SignIn
{
    public const string AdminUser = "admin";

    /// <summary>Given to every test hub as <c>Hub:Bootstrap:AdminPassword</c>.</summary>
    public const string AdminPassword = "test-admin-password-1";

    public const string BootstrapSetting = "Hub:Bootstrap:AdminPassword";

    /// <summary>Signs in and returns the bearer token; fails the test on anything but 200.</summary>
    public static async Task<string> Token(HttpClient anonymous, string user, string password)
    {
        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { user, password });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"sign-in of '{user}' answered {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["token"]!.GetValue<string>();
    }

    /// <summary>Signs in on first use and sends the token with every request after.</summary>
    public sealed class BearerHandler(Func<Task<string>> signIn) : DelegatingHandler
    {
        private readonly SemaphoreSlim _once = new(1, 1);
        private string? _token;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_token is null)
            {
                await _once.WaitAsync(cancellationToken);
                try
                {
                    _token ??= await signIn();
                }
                finally
                {
                    _once.Release();
                }
            }
            request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", _token);
            return await base.SendAsync(request, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            _once.Dispose();
            base.Dispose(disposing);
        }
    }
}
