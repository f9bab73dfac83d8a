using System.Net;
using System.Text;
using Hub.Tests.Support;
using Npgsql;

namespace Hub.Tests.Access;

/// <summary>A hub started without <c>Hub:Bootstrap:AdminPassword</c> and without the demo.</summary>
public sealed class UnbootstrappedHost : HubHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() => [new(SignIn.BootstrapSetting, "")];
}

/// <summary>API.md §9: no default credential outside demo mode; no secret stored in clear.</summary>
public class NoDefaultCredentialTests(UnbootstrappedHost host) : IClassFixture<UnbootstrappedHost>
{
    [Theory]
    [InlineData("admin", "admin")]
    [InlineData("admin", SignIn.AdminPassword)]
    [InlineData("admin", "password")]
    [InlineData("demo-admin", "admin")]
    [InlineData("demo-viewer", "viewer")]
    public async Task Without_a_bootstrap_password_nobody_can_sign_in(string user, string password)
    {
        var answer = await host.Anonymous().Post("/api/v1/auth/login", new { user, password });
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().Get("/api/v1/units/T/status")).Status);
    }
}

/// <summary>What PostgreSQL holds after people and keys were made and used: hashes, never the secrets.</summary>
public class CredentialsAtRestTests(PostgresHubHost host) : IClassFixture<PostgresHubHost>
{
    [Fact]
    public async Task Passwords_tokens_and_key_secrets_are_not_in_the_database()
    {
        const string password = "plain-text-never-stored";
        Assert.Equal(HttpStatusCode.Created, (await host.Api.Post("/api/v1/users", new { user = "stored", password, role = "viewer", scope = "*" })).Status);
        var token = await host.Token("stored", password);
        var key = (await host.Api.Post("/api/v1/apikeys", new { center = "ZZ-AT-REST", scope = "*" })).Json["key"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Accepted, (await host.WithKey(key).Checkins()).Status);

        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT state_name, payload FROM hub_grain_state WHERE payload IS NOT NULL", connection);
        var rows = new List<(string Type, byte[] Payload)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), (byte[])reader[1]));
            }
        }
        Assert.Contains(rows, r => Contains(r.Payload, "stored")); // the account is there…
        Assert.Contains(rows, r => Contains(r.Payload, "ZZ-AT-REST")); // …and the key
        foreach (var secret in new[] { password, token, key, KeySecret.Of(key), SignIn.AdminPassword })
        {
            Assert.DoesNotContain(rows, r => Contains(r.Payload, secret));
        }
    }

    private static bool Contains(byte[] payload, string text) => payload.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
