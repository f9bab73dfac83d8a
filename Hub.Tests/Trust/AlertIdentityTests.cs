using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Trust;

/// <summary>
/// API.md §4: an alert belongs to the center of the key that sent it. Before, its id hashed only
/// (source, sourceId), and source is free text: one center could post another's ids first.
/// </summary>
public class AlertIdentityTests(HubHost host) : IClassFixture<HubHost>
{
    private async Task<(string Id, Api Api)> Key(string center, string scope)
    {
        var created = await host.Api.Post("/api/v1/apikeys", new { center, scope });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return (created.Json["id"]!.GetValue<string>(), host.WithKey(created.Json["key"]!.GetValue<string>()));
    }

    private static (string Id, string Outcome) Result(Api.Answer answer, int i = 0)
    {
        Assert.True(answer.Status == HttpStatusCode.Accepted, answer.ToString());
        var result = answer.Json["results"]![i]!;
        return (result["alertId"]!.GetValue<string>(), result["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_center_cannot_shadow_another_centers_alert_by_sending_its_source_and_id_first()
    {
        var (_, intruder) = await Key("ZZ-A", TestCity.Street(1));
        var (keyB, owner) = await Key("ZZ-B", TestCity.Street(2));
        var sourceId = $"evt-{Guid.NewGuid():N}";

        var shadow = Result(await intruder.Alerts(Alert(TestCity.Grid(1, 4), severity: "minor", source: "ZZ-B", sourceId: sourceId)));
        Assert.Equal("created", shadow.Outcome);

        var real = Result(await owner.Alerts(Alert(TestCity.Grid(2, 4), severity: "critical", category: "fire", source: "ZZ-B", sourceId: sourceId)));
        Assert.Equal("created", real.Outcome);
        Assert.NotEqual(shadow.Id, real.Id);
        var status = await Eventually.Within(TimeSpan.FromSeconds(2), () => host.Api.Status(TestCity.Grid(2, 4)),
            s => s["alerts"]!["critical"]!.GetValue<int>() == 1, "the real critical alert shows on its own grid");
        Assert.Equal("red", status["health"]!.GetValue<string>());

        // A resend by its own center is still a duplicate of its own alert.
        var resent = Result(await owner.Alerts(Alert(TestCity.Grid(2, 4), severity: "critical", category: "fire", source: "ZZ-B", sourceId: sourceId)));
        Assert.Equal((real.Id, "duplicate"), resent);

        // The audit trail says which center, through which key, reported it.
        var alert = (await host.Api.Get($"/api/v1/alerts/{real.Id}")).Json;
        Assert.Equal("ZZ-B", alert["center"]!.GetValue<string>());
        var raised = alert["audit"]![0]!;
        Assert.Equal(("raised", "ZZ-B", keyB), (raised["action"]!.GetValue<string>(), raised["by"]!.GetValue<string>(), raised["key"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_center_cannot_clear_or_merge_into_another_centers_alert_even_inside_its_scope()
    {
        var (_, first) = await Key("ZZ-C", TestCity.District);
        var (_, second) = await Key("ZZ-D", TestCity.District);
        var grid = TestCity.Grid(1, 3);
        var device = TestCity.Camera(1, 3);

        var mine = Result(await first.Alerts(Alert(grid, device: device, category: "dumping")));
        Assert.Equal("created", mine.Outcome);
        // The same device and category from another center is that center's own alert, not a merge into this one.
        var theirs = Result(await second.Alerts(Alert(grid, device: device, category: "dumping")));
        Assert.Equal("created", theirs.Outcome);
        Assert.NotEqual(mine.Id, theirs.Id);
        // The same center again: merged into its own.
        var again = Result(await first.Alerts(Alert(grid, device: device, category: "dumping")));
        Assert.Equal((mine.Id, "merged"), again);

        var clear = await second.Post($"/api/v1/alerts/{mine.Id}/clear", null);
        Assert.Equal(HttpStatusCode.NotFound, clear.Status);
        var alert = (await host.Api.Get($"/api/v1/alerts/{mine.Id}")).Json;
        Assert.False(alert["cleared"]!.GetValue<bool>());
        Assert.Equal(2, alert["occurrences"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.OK, (await first.Post($"/api/v1/alerts/{mine.Id}/clear", null)).Status);
        Assert.True((await host.Api.Get($"/api/v1/alerts/{mine.Id}")).Json["cleared"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_flapping_sensor_counts_every_repeat_but_keeps_only_the_last_few_in_the_trail()
    {
        var (_, center) = await Key("ZZ-E", TestCity.Street(2));
        var grid = TestCity.Grid(2, 2);
        var device = TestCity.Smoke(2, 2);
        var first = Result(await center.Alerts(Alert(TestCity.Building(2, 2, 1), device: device, category: "smoke")));
        var repeats = Enumerable.Range(0, 20).Select(i => Alert(TestCity.Building(2, 2, 1), device: device, category: "smoke", sourceId: $"flap-{i}")).ToArray();
        var answer = await center.Alerts(repeats);
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal((first.Id, "merged"), Result(answer, i)));

        var alert = (await host.Api.Get($"/api/v1/alerts/{first.Id}")).Json;
        Assert.Equal(21, alert["occurrences"]!.GetValue<int>());
        var merges = alert["audit"]!.AsArray().Where(a => a!["action"]!.GetValue<string>() == "merged").Select(a => a!["note"]!.GetValue<string>()).ToArray();
        Assert.Equal(["flap-15", "flap-16", "flap-17", "flap-18", "flap-19"], merges);
        Assert.Equal("raised", alert["audit"]![0]!["action"]!.GetValue<string>());
        Assert.Equal(1, (await host.Api.Status(grid))["alerts"]!["active"]!.GetValue<int>());
    }
}
