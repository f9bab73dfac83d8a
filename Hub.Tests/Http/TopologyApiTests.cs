using System.Net;
using Hub.Grains.Model;
using Hub.Grains.Topology;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Http;

/// <summary>API.md §3, through HTTP against the real host. Tests here replace the topology, so they share nothing with other classes.</summary>
public abstract class TopologyApiTests(HubHost host)
{
    private readonly Api _api = host.Api;

    [Fact]
    public async Task A_unit_answers_with_its_ancestors_and_children()
    {
        var answer = await _api.Get($"/api/v1/topology/{TestCity.Grid(1, 2)}");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("第1网格".Replace("1", "2", StringComparison.Ordinal), answer.Json["unit"]!["name"]!.GetValue<string>());
        Assert.Equal([TestCity.City, TestCity.District, TestCity.Street(1), TestCity.Community(1)],
            answer.Json["ancestors"]!.AsArray().Select(a => a!["code"]!.GetValue<string>()));
        Assert.Equal(["测试市", "测试区", "第1街道", "第1社区"], answer.Json["ancestors"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
        Assert.Equal([TestCity.Building(1, 2, 1), TestCity.Building(1, 2, 2), TestCity.Building(1, 2, 3)],
            answer.Json["children"]!.AsArray().Select(a => a!["code"]!.GetValue<string>()));
        Assert.Equal(2, answer.Json["workers"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get("/api/v1/topology/NOPE")).Status);
    }

    [Fact]
    public async Task An_invalid_topology_is_refused_whole_with_every_problem_by_path()
    {
        var city = TestCity.Build();
        var broken = city with
        {
            Units = city.Units.Append(new UnitSpec("NEW-S", "新街道", UnitLevel.Street, "NOPE"))
                .Append(new UnitSpec(TestCity.District, "重复区", UnitLevel.District, TestCity.City))
                .Append(new UnitSpec("NEW-G", "新网格", UnitLevel.Grid, TestCity.Street(1)))
                .ToArray(),
            Workers = city.Workers.Append(new WorkerSpec("W-NEW", "王芳", TestCity.Building(1, 1, 1), WorkerRole.FullTime)).ToArray(),
        };
        var answer = await _api.PutRaw("/api/v1/topology", HubHost.Serialize(broken));
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var n = city.Units.Count;
        Assert.Equal(
        [
            $"units[{n + 1}].code: duplicate code '{TestCity.District}'",
            $"units[{n}].parent: unknown unit 'NOPE'",
            $"units[{n + 2}].parent: '{TestCity.Street(1)}' is a street; the parent of a grid must be one level above it",
            $"workers[{city.Workers.Count}].grid: '{TestCity.Building(1, 1, 1)}' is a building, not a grid",
        ], answer.Errors);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get("/api/v1/topology/NEW-S")).Status);
        Assert.Equal("测试区", (await _api.Get($"/api/v1/topology/{TestCity.District}")).Json["unit"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"units\": [")]
    [InlineData("[]")]
    [InlineData("{\"units\": [{\"code\": 5, \"name\": \"x\", \"level\": \"town\"}]}")]
    public async Task Malformed_or_mistyped_topology_is_400(string body)
    {
        var answer = await _api.PutRaw("/api/v1/topology", body);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
    }

    [Fact]
    public async Task After_a_replace_a_removed_unit_keeps_its_history_and_refuses_new_data()
    {
        var removed = TestCity.Grid(2, 6);
        var oldAlert = await _api.Raise(Alert(removed, severity: "minor"));
        var city = TestCity.Build();
        var next = city with
        {
            Units = city.Units.Where(u => u.Code != removed).Append(new UnitSpec("D1-S2-C1-G7", "第7网格", UnitLevel.Grid, TestCity.Community(2))).ToArray(),
            Workers = city.Workers.Where(w => w.Grid != removed).Append(new WorkerSpec("W-NEW", "王芳", "D1-S2-C1-G7", WorkerRole.FullTime)).ToArray(),
            Devices = city.Devices.Where(d => d.Unit != removed).ToArray(),
        };
        var replaced = await _api.PutRaw("/api/v1/topology", HubHost.Serialize(next));
        Assert.Equal(HttpStatusCode.OK, replaced.Status);

        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get($"/api/v1/units/{removed}/status")).Status);
        var refused = await _api.Alerts(Alert(removed));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        var refusedCheckin = await _api.Checkins(Checkin(TestCity.Worker(2, 6, 1), removed, "start"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedCheckin.Status);
        Assert.Equal(HttpStatusCode.OK, (await _api.Get($"/api/v1/alerts/{oldAlert}")).Status);

        var accepted = await _api.Checkins(Checkin("W-NEW", "D1-S2-C1-G7", "start"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        var community = await Eventually.Within(TimeSpan.FromSeconds(2), () => _api.Status(TestCity.Community(2)),
            s => s["workers"]!["onDuty"]!.GetValue<int>() == 1, "the new grid's worker is counted");
        Assert.Equal(11, community["workers"]!["total"]!.GetValue<int>());
        Assert.Contains("D1-S2-C1-G7", community["children"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()));
        Assert.DoesNotContain(removed, community["children"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()));
    }
}

public sealed class TopologyApiOnMemoryTests(HubHost host) : TopologyApiTests(host), IClassFixture<HubHost>;

public sealed class TopologyApiOnPostgresTests(PostgresHubHost host) : TopologyApiTests(host), IClassFixture<PostgresHubHost>;
