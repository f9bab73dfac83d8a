using Hub.Grains.Model;
using Hub.Grains.Topology;
using Hub.Tests.Support;

namespace Hub.Tests.Unit;

public class TopologyValidatorTests
{
    private static TopologyDocument With(IEnumerable<UnitSpec>? units = null, IEnumerable<WorkerSpec>? workers = null, IEnumerable<DeviceSpec>? devices = null)
    {
        var city = TestCity.Build();
        return new TopologyDocument(
            city.Units.Concat(units ?? []).ToArray(),
            city.Workers.Concat(workers ?? []).ToArray(),
            city.Devices.Concat(devices ?? []).ToArray());
    }

    private static int NextUnit => TestCity.Build().Units.Count;

    [Fact]
    public void The_test_city_is_valid() => Assert.Empty(TopologyValidator.Validate(TestCity.Build()));

    [Fact]
    public void Unknown_parent_is_named_by_path()
    {
        var errors = TopologyValidator.Validate(With([new UnitSpec("X1", "某街道", UnitLevel.Street, "NOPE")]));
        Assert.Equal([$"units[{NextUnit}].parent: unknown unit 'NOPE'"], errors);
    }

    [Fact]
    public void Duplicate_code_is_refused()
    {
        var errors = TopologyValidator.Validate(With([new UnitSpec(TestCity.District, "又一个区", UnitLevel.District, TestCity.City)]));
        Assert.Contains($"units[{NextUnit}].code: duplicate code '{TestCity.District}'", errors);
    }

    [Theory]
    [InlineData(UnitLevel.Grid, "D1-S1")] // a grid under a street skips the community
    [InlineData(UnitLevel.Street, "D1-S1-C1")] // a street under a community is upside down
    [InlineData(UnitLevel.Community, "D1-S1-C1")] // same level
    public void Parent_must_be_exactly_one_level_above(UnitLevel level, string parent)
    {
        var errors = TopologyValidator.Validate(With([new UnitSpec("X1", "某单元", level, parent)]));
        var error = Assert.Single(errors);
        Assert.StartsWith($"units[{NextUnit}].parent: '{parent}' is a ", error);
    }

    [Fact]
    public void Only_a_city_or_a_district_without_a_city_may_be_a_top_unit()
    {
        Assert.Single(TopologyValidator.Validate(With([new UnitSpec("X1", "孤儿街道", UnitLevel.Street, null)])));
        Assert.Single(TopologyValidator.Validate(With([new UnitSpec("X1", "孤儿区", UnitLevel.District, null)])));
        var noCity = new TopologyDocument([new UnitSpec("D9", "某区", UnitLevel.District, null), new UnitSpec("D9-S1", "某街道", UnitLevel.Street, "D9")], [], []);
        Assert.Empty(TopologyValidator.Validate(noCity));
    }

    [Fact]
    public void A_cycle_is_reported()
    {
        var doc = new TopologyDocument(
            [new UnitSpec("A", "甲", UnitLevel.Street, "B"), new UnitSpec("B", "乙", UnitLevel.Street, "A")], [], []);
        var errors = TopologyValidator.Validate(doc);
        Assert.Contains(errors, e => e.Contains("cycle through", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("中文")]
    [InlineData("a/b")]
    public void Bad_codes_are_refused(string code)
    {
        var errors = TopologyValidator.Validate(With([new UnitSpec(code, "某街道", UnitLevel.Street, TestCity.District)]));
        Assert.Contains(errors, e => e.StartsWith($"units[{NextUnit}].code:", StringComparison.Ordinal));
    }

    [Fact]
    public void Codes_and_names_have_length_limits()
    {
        Assert.NotEmpty(TopologyValidator.Validate(With([new UnitSpec(new string('a', 65), "某街道", UnitLevel.Street, TestCity.District)])));
        Assert.Empty(TopologyValidator.Validate(With([new UnitSpec(new string('a', 64), new string('名', 100), UnitLevel.Street, TestCity.District)])));
        Assert.Equal(
            [$"units[{NextUnit}].name: must be 1-100 characters"],
            TopologyValidator.Validate(With([new UnitSpec("X1", new string('名', 101), UnitLevel.Street, TestCity.District)])));
    }

    [Fact]
    public void A_worker_must_be_on_a_grid()
    {
        var workers = TestCity.Build().Workers.Count;
        var errors = TopologyValidator.Validate(With(workers:
        [
            new WorkerSpec("WX1", "王芳", TestCity.Building(1, 1, 1), WorkerRole.FullTime),
            new WorkerSpec("WX2", "王芳", "NOPE", WorkerRole.FullTime),
            new WorkerSpec(TestCity.Worker(1, 1, 1), "重复", TestCity.Grid(1, 1), WorkerRole.FullTime),
        ]));
        Assert.Equal(
        [
            $"workers[{workers}].grid: '{TestCity.Building(1, 1, 1)}' is a building, not a grid",
            $"workers[{workers + 1}].grid: unknown unit 'NOPE'",
            $"workers[{workers + 2}].id: duplicate worker '{TestCity.Worker(1, 1, 1)}'",
        ], errors);
    }

    [Fact]
    public void A_device_must_be_on_a_known_unit_with_a_unique_id()
    {
        var devices = TestCity.Build().Devices.Count;
        var errors = TopologyValidator.Validate(With(devices:
        [
            new DeviceSpec("DX1", "camera", "NOPE", null),
            new DeviceSpec(TestCity.Camera(1, 1), "camera", TestCity.Grid(1, 1), null),
        ]));
        Assert.Equal(
        [
            $"devices[{devices}].unit: unknown unit 'NOPE'",
            $"devices[{devices + 1}].id: duplicate device '{TestCity.Camera(1, 1)}'",
        ], errors);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var errors = TopologyValidator.Validate(With(
            [new UnitSpec("X1", "某街道", UnitLevel.Street, "NOPE"), new UnitSpec("bad code", "", UnitLevel.Street, TestCity.District)],
            [new WorkerSpec("WX1", "王芳", "NOPE", WorkerRole.FullTime)]));
        Assert.Equal(4, errors.Count);
    }
}
