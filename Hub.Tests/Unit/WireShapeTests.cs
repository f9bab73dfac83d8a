using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Rollup;
using Hub.Grains.Topology;
using Hub.Tests.Support;

namespace Hub.Tests.Unit;

/// <summary>The contract's JSON of the grains' records, which say nothing of JSON themselves.</summary>
public class WireShapeTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static JsonObject Write<T>(T value) => JsonSerializer.SerializeToNode(value, HubHost.Json)!.AsObject();

    [Fact]
    public void A_member_that_holds_nothing_is_left_out_and_written_when_it_holds_something()
    {
        var bare = Write(new UnitSpec("G1", "一网格", UnitLevel.Grid, "C1"));
        Assert.False(bare.ContainsKey("households"));
        Assert.False(bare.ContainsKey("kind"));
        Assert.False(bare.ContainsKey("category"));
        Assert.True(bare.ContainsKey("parent"));

        var full = Write(new UnitSpec("G1", "一网格", UnitLevel.Grid, "C1", Households: 120, Kind: GridKind.Dedicated, Category: "school"));
        Assert.Equal(120, full["households"]!.GetValue<int>());
        Assert.Equal("dedicated", full["kind"]!.GetValue<string>());

        // A nullable member without a rule is still written as null: only the named ones are left out.
        var root = Write(new UnitSpec("D1", "区", UnitLevel.District, null));
        Assert.True(root.ContainsKey("parent"));
        Assert.Null(root["parent"]);
    }

    [Fact]
    public void Working_time_is_written_only_when_the_limit_counts_it()
    {
        var stage = new TimelineStage(CaseStage.Dispatch, At, null, null, TimeSpan.FromHours(4), 0.5, false);
        Assert.False(Write(stage).ContainsKey("workingTime"));
        Assert.True(Write(stage with { WorkingTime = true })["workingTime"]!.GetValue<bool>());
    }

    [Fact]
    public void What_is_for_the_hub_only_is_never_written()
    {
        var document = Write(new TopologyDocument([], [], [], [new DepartmentSpec("D-ENV", "生态环境局", "D1")]));
        Assert.False(document.ContainsKey("departmentList"));
        Assert.Single(document["departments"]!.AsArray());

        var entry = new AlertEntry("a-1", "G1", Severity.Major, "fire", null, AlertState.Raised, DateOnly.FromDateTime(At.Date), null, 1, "center:ZZ-01");
        var raised = Write(new RaiseResult("s-1", "a-1", RaiseOutcome.Created, entry));
        Assert.Equal(["sourceId", "alertId", "outcome"], raised.Select(p => p.Key));
    }

    [Fact]
    public void A_units_figures_name_the_unit_and_range_first_and_the_days_last()
    {
        var node = new UnitNode("C1", "一社区", UnitLevel.Community, "S1", [], ["S1", "C1"]);
        var figures = new StatsFigures(3, 2, 0.67, 2, 1, 1, 0.5, 10, 8, 4, 3, 0.75);
        var day = new DateOnly(2026, 12, 1);
        var stats = Write(new UnitStats(node, day, day, figures, [new DayStats(day, figures)]));
        var names = stats.Select(p => p.Key).ToList();
        Assert.Equal(["code", "name", "level", "from", "to", "raised"], names.Take(6));
        Assert.Equal("days", names[^1]);
        Assert.Equal(["day", "raised"], stats["days"]!.AsArray()[0]!.AsObject().Select(p => p.Key).Take(2));
    }
}
