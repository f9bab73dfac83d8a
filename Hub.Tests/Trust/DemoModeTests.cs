using System.Net;
using Hub.Tests.Durability;
using Hub.Tests.Support;

namespace Hub.Tests.Trust;

/// <summary>
/// Production is not the demo. Before, a silo on PostgreSQL with no topology file turned demo mode
/// on by itself: the demo city and its feed went into real tables, and demo users (one of them an
/// admin over everything) were made, printed, and opened again at every start.
/// </summary>
public class DemoModeTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    // One silo address for the restarts: a silo on a new address would wait for the killed one to be declared dead.
    private readonly string _siloPort = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
    private readonly string _gatewayPort = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Dictionary<string, string> Settings(string database, string? demo = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Hub:Storage"] = "postgres",
            ["ConnectionStrings:Hub"] = database,
            ["urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Hub:SiloPort"] = _siloPort,
            ["Hub:GatewayPort"] = _gatewayPort,
        };
        if (demo is not null)
        {
            settings["Hub:Demo"] = demo;
        }
        return settings;
    }

    private static async Task<string[]> Users(SiloProcess silo) =>
        (await silo.Api.Get("/api/v1/users")).Json["items"]!.AsArray().Select(u => u!["user"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task On_postgres_demo_runs_only_when_asked_and_its_users_never_outlive_it()
    {
        var database = await postgres.Server.CreateDatabase();

        // Nothing said about demo: an empty hub, nobody but the bootstrap admin, no password printed.
        await using (var plain = await SiloProcess.Start(Settings(database)))
        {
            Assert.Contains("demo feed: off", plain.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Demo sign-in", plain.Output, StringComparison.Ordinal);
            Assert.Empty(DemoSignIn.Read(plain.Output));
            Assert.DoesNotContain(SignIn.AdminPassword, plain.Output, StringComparison.Ordinal);
            Assert.Empty((await plain.Api.Get("/api/v1/topology")).Json["units"]!.AsArray());
            Assert.Equal(["admin"], await Users(plain));
            Assert.Equal(HttpStatusCode.Unauthorized, (await plain.Anonymous().Post("/api/v1/auth/login", new { user = "demo-admin", password = "anything-at-all" })).Status);
        }

        // Asked for: a loud warning, the demo city, demo users with passwords printed.
        Dictionary<string, (string User, string Password, string Scope)> printed;
        await using (var demo = await SiloProcess.Start(Settings(database, demo: "true")))
        {
            Assert.Contains("DEMO MODE ON DURABLE STORAGE", demo.Output, StringComparison.Ordinal);
            printed = DemoSignIn.Read(demo.Output);
            Assert.Equal(["admin", "department", "leader", "officer", "viewer", "worker"], printed.Keys.Order());
            Assert.NotEmpty((await demo.Api.Get("/api/v1/topology")).Json["units"]!.AsArray());
            var viewer = demo.As(printed["viewer"].User, printed["viewer"].Password);
            Assert.Equal(HttpStatusCode.OK, (await viewer.Get("/api/v1/auth/me")).Status);
            // An admin shuts the demo viewer out.
            Assert.Equal(HttpStatusCode.OK, (await demo.Api.Post($"/api/v1/users/{printed["viewer"].User}/disable", null)).Status);
        }

        // Demo again: the disabled demo user stays disabled, and no password is printed for it.
        Dictionary<string, (string User, string Password, string Scope)> reprinted;
        await using (var again = await SiloProcess.Start(Settings(database, demo: "true")))
        {
            reprinted = DemoSignIn.Read(again.Output);
            Assert.Equal(["admin", "department", "leader", "officer", "worker"], reprinted.Keys.Order());
            Assert.Contains("demo-viewer", again.Output, StringComparison.Ordinal);
            var viewer = (await again.Api.Get("/api/v1/users")).Json["items"]!.AsArray().Single(u => u!["user"]!.GetValue<string>() == "demo-viewer")!;
            Assert.True(viewer["disabled"]!.GetValue<bool>());
        }

        // Demo off: the demo users are gone; the city stays (it is data now), the real admin too.
        await using var after = await SiloProcess.Start(Settings(database, demo: "false"));
        Assert.Empty(DemoSignIn.Read(after.Output));
        Assert.Equal(["admin"], await Users(after));
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await after.Anonymous().Post("/api/v1/auth/login", new { user = reprinted["leader"].User, password = reprinted["leader"].Password })).Status);
    }

    [Fact]
    public async Task In_a_demo_cluster_the_silo_without_the_feed_leaves_the_demo_users_to_the_one_with_it()
    {
        var database = await postgres.Server.CreateDatabase();
        await using var feed = await SiloProcess.Start(Settings(database, demo: "true"));
        var printed = DemoSignIn.Read(feed.Output);
        Assert.Equal(6, printed.Count);

        var second = Settings(database, demo: "true");
        second["Hub:DemoFeed"] = "false";
        second["Hub:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        second["Hub:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var other = await SiloProcess.Start(second);
        Assert.Contains("demo feed: off", other.Output, StringComparison.Ordinal);
        Assert.Empty(DemoSignIn.Read(other.Output));
        // The passwords the feed's silo printed still hold, through either silo.
        var leader = other.As(printed["leader"].User, printed["leader"].Password);
        Assert.Equal(HttpStatusCode.OK, (await leader.Get("/api/v1/auth/me")).Status);
    }
}
