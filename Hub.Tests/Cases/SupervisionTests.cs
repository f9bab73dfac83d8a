using System.Text.Json.Nodes;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Cases;

/// <summary>A hub whose minor cases must be dispatched within 2 seconds of being accepted.</summary>
public sealed class ShortStagesHost : HubHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() => [new("Hub:Sla:Stage:Dispatch:Minor", "00:00:02")];
}

/// <summary>
/// 督办 (docs/API.md): a stage that runs past its limit is supervised — 黄牌 at 100 %, 红牌 at 150 %,
/// raised one level up — recorded in the trail, pushed to the walls, and cleared by the next stage.
/// </summary>
public class SupervisionTests(ShortStagesHost host) : IClassFixture<ShortStagesHost>
{
    private static JsonNode Stage(JsonNode alert) => alert["stage"]!;

    [Fact]
    public async Task A_stage_past_its_limit_is_supervised_yellow_then_red_and_the_next_stage_starts_clean()
    {
        await using var wall = await WallClient.Connect(host);
        await wall.Watch(TestCity.City);
        var grid = TestCity.Grid(1, 1);
        var id = await host.Api.Raise(Alert(grid, severity: "minor", category: "dumping"));
        var accepted = (await host.Api.Post($"/api/v1/alerts/{id}/ack", new { })).Json;
        Assert.Equal(("dispatch", 0, false), (Stage(accepted)["name"]!.GetValue<string>(), Stage(accepted)["supervision"]!.GetValue<int>(), Stage(accepted)["overdue"]!.GetValue<bool>()));
        var since = Stage(accepted)["since"]!.GetValue<DateTimeOffset>();
        Assert.Equal(since.AddSeconds(2), Stage(accepted)["deadline"]!.GetValue<DateTimeOffset>());

        var red = await Eventually.Within(TimeSpan.FromSeconds(6), async () => (await host.Api.Get($"/api/v1/alerts/{id}")).Json,
            a => Stage(a)["supervision"]!.GetValue<int>() == 2, "red after 150 % of the limit");
        Assert.True(Stage(red)["overdue"]!.GetValue<bool>());
        Assert.Equal(TestCity.Community(1), Stage(red)["supervisedTo"]!.GetValue<string>());
        var steps = red["audit"]!.AsArray().Where(a => a!["action"]!.GetValue<string>() == "supervised").ToArray();
        Assert.Equal(["黄牌督办：派遣超时", "红牌督办：派遣超时已过一半，提级督办"], steps.Select(s => s!["note"]!.GetValue<string>()));
        var at = steps.Select(s => s!["at"]!.GetValue<DateTimeOffset>()).ToArray();
        // Never early: yellow not before 100 % of the limit, red not before 150 % (how late depends on the machine).
        Assert.True(at[0] - since >= TimeSpan.FromSeconds(2), $"yellow {at[0] - since} after the stage began");
        Assert.True(at[1] - since >= TimeSpan.FromSeconds(3), $"red {at[1] - since} after the stage began");
        await Eventually.Within(TimeSpan.FromSeconds(2), () => Task.FromResult(wall.EventsOf(id).Count(e => e.Event["kind"]!.GetValue<string>() == "supervised")),
            n => n == 2, "both steps reach the wall");
        foreach (var unit in new[] { grid, TestCity.City })
        {
            await Eventually.Within(TimeSpan.FromSeconds(2), () => host.Api.Status(unit), s => s["alerts"]!["overdue"]!.GetValue<int>() == 1, $"{unit} counts the overdue case");
        }

        // Dispatched: the handling stage starts its own clock, unsupervised.
        var dispatched = (await host.Api.Post($"/api/v1/alerts/{id}/dispatch", new { assignee = "城管" })).Json;
        Assert.Equal(("handle", 0, false), (Stage(dispatched)["name"]!.GetValue<string>(), Stage(dispatched)["supervision"]!.GetValue<int>(), Stage(dispatched)["overdue"]!.GetValue<bool>()));
        Assert.Null(Stage(dispatched)["supervisedTo"]);
        await Eventually.Within(TimeSpan.FromSeconds(2), () => host.Api.Status(TestCity.City), s => s["alerts"]!["overdue"]!.GetValue<int>() == 0, "no longer overdue");
    }

    [Fact]
    public async Task A_case_moved_on_in_time_is_never_supervised()
    {
        var id = await host.Api.Raise(Alert(TestCity.Grid(1, 2), severity: "minor", category: "parking"));
        await host.Api.Post($"/api/v1/alerts/{id}/ack", new { });
        await host.Api.Post($"/api/v1/alerts/{id}/dispatch", new { assignee = "交警" });
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var alert = (await host.Api.Get($"/api/v1/alerts/{id}")).Json;
        Assert.Equal(0, Stage(alert)["supervision"]!.GetValue<int>());
        Assert.DoesNotContain(alert["audit"]!.AsArray(), a => a!["action"]!.GetValue<string>() == "supervised");
    }
}
