using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Access;

/// <summary>API.md §9: centers' keys — shown once, kept as a hash, scoped, revocable.</summary>
public class ApiKeyTests(AccessHost host) : IClassFixture<AccessHost>
{
    [Fact]
    public async Task A_key_is_shown_once_and_never_listed()
    {
        var created = await host.Api.Post("/api/v1/apikeys", new { center = "ZZ-综治", scope = TestCity.Street(1) });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Json["id"]!.GetValue<string>();
        var key = created.Json["key"]!.GetValue<string>();
        Assert.Equal("ZZ-综治", created.Json["center"]!.GetValue<string>());
        Assert.True(key.Length >= 40, key);

        var list = await host.Api.Get("/api/v1/apikeys");
        var item = list.Json["items"]!.AsArray().Single(k => k!["id"]!.GetValue<string>() == id)!;
        Assert.Null(item["key"]);
        Assert.Equal(TestCity.Street(1), item["scope"]!.GetValue<string>());
        Assert.Null(item["lastUsedAt"]?.GetValue<DateTimeOffset?>());

        // Its first use is recorded, so an admin sees which keys are alive before revoking one.
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.Equal(HttpStatusCode.Accepted, (await host.WithKey(key).Checkins(Checkin(TestCity.Worker(1, 2, 1), TestCity.Grid(1, 2), "patrol"))).Status);
        var used = (await host.Api.Get("/api/v1/apikeys")).Json["items"]!.AsArray().Single(k => k!["id"]!.GetValue<string>() == id)!;
        Assert.InRange(used["lastUsedAt"]!.GetValue<DateTimeOffset>(), before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.DoesNotContain(KeySecret.Of(key), list.Json.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_ingests_inside_its_scope_and_a_batch_reaching_outside_is_refused_whole()
    {
        var grid = TestCity.Grid(1, 5);
        var before = (await host.Api.Status(grid))["alerts"]!["active"]!.GetValue<int>();
        var mixed = await host.Center.Alerts(Alert(grid, severity: "minor"), Alert(TestCity.Grid(2, 5), severity: "minor"));
        Assert.Equal(HttpStatusCode.Forbidden, mixed.Status);
        Assert.Equal(["[1].unit: 'D1-S2-C1-G5' is outside the scope"], mixed.Errors);
        Assert.Contains("nothing was applied", mixed.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // A device elsewhere is elsewhere too: its report could merge into an alert outside the scope.
        // The refusal names the device as sent and says nothing of where it is.
        var foreignDevice = await host.Center.Alerts(Alert(grid, severity: "minor", device: TestCity.Camera(2, 5)));
        Assert.Equal(HttpStatusCode.Forbidden, foreignDevice.Status);
        Assert.Equal([$"[0].device: '{TestCity.Camera(2, 5)}' is outside the scope"], foreignDevice.Errors);
        Assert.DoesNotContain("D1-S2", foreignDevice.ToString(), StringComparison.Ordinal);

        // So is a worker elsewhere: refused before validation could say which grid is theirs, and
        // before anything is applied, even with invalid items in the same batch.
        var foreignWorker = await host.Center.Checkins(
            Checkin(TestCity.Worker(2, 5, 1), grid, "patrol"),
            new { worker = TestCity.Worker(1, 5, 1), unit = grid, kind = "nap", at = "yesterday" });
        Assert.Equal(HttpStatusCode.Forbidden, foreignWorker.Status);
        Assert.Equal([$"[0].worker: '{TestCity.Worker(2, 5, 1)}' is outside the scope"], foreignWorker.Errors);
        Assert.DoesNotContain("D1-S2", foreignWorker.ToString(), StringComparison.Ordinal);

        var inside = await host.Center.Raise(Alert(grid, severity: "minor"));
        await Eventually.Within(TimeSpan.FromSeconds(2), () => host.Api.Status(grid), s => s["alerts"]!["active"]!.GetValue<int>() == before + 1,
            "only the accepted batch counted");
        Assert.Equal(HttpStatusCode.Accepted, (await host.Center.Checkins(Checkin(TestCity.Worker(1, 5, 1), grid, "patrol"))).Status);

        // A center sends and clears; it reads nothing and acts on no foreign alert.
        Assert.Equal(HttpStatusCode.OK, (await host.Center.Post($"/api/v1/alerts/{inside}/clear", null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Center.Post($"/api/v1/alerts/{host.ForeignAlert}/clear", null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Center.Get($"/api/v1/units/{grid}/status")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Center.Get($"/api/v1/alerts/{inside}")).Status);
        var audit = (await host.Api.Get($"/api/v1/alerts/{inside}")).Json["audit"]!.AsArray();
        Assert.Equal("ZZ-S1", audit[^1]!["by"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_revoked_unknown_or_malformed_key_gets_401()
    {
        var key = await host.CreateKey("ZZ-GONE", TestCity.Street(1));
        var center = host.WithKey(key);
        Assert.Equal(HttpStatusCode.Accepted, (await center.Checkins()).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Api.Delete($"/api/v1/apikeys/{key.Split('_')[1]}")).Status);
        var revoked = await center.Checkins();
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.Status);
        Assert.Equal("application/problem+json", revoked.ContentType);
        Assert.Contains("unknown or revoked", revoked.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var listed = (await host.Api.Get("/api/v1/apikeys")).Json["items"]!.AsArray().Single(k => k!["id"]!.GetValue<string>() == key.Split('_')[1])!;
        Assert.True(listed["revoked"]!.GetValue<bool>());

        var parts = host.CenterKey.Split('_');
        foreach (var wrong in new[] { "nonsense", "ghk__", "ghk_x_y", $"ghk_{parts[1]}_{new string('A', parts[2].Length)}", host.CenterKey + "x" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.WithKey(wrong).Checkins()).Status);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.Delete("/api/v1/apikeys/nope")).Status);
    }
}
