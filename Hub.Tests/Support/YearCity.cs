using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Tests.Support;

/// <summary>
/// A district built for a year of history: street 1 patrolled daily (ten grids of ten buildings and
/// a grid without any: 101 targets); street 2 with a weekly community (one grid, two buildings) and
/// a monthly one (six grids of 67 buildings: 402 targets). One worker per grid.
/// </summary>
public static class YearCity
{
    public const string District = "YD";
    public const string Daily = "YS1";
    public const string Other = "YS2";
    public const string WeeklyCommunity = "YC2";
    public const string MonthlyCommunity = "YC3";

    public static IEnumerable<(string Grid, string[] Targets)> Grids()
    {
        for (var g = 1; g <= 10; g++)
        {
            yield return ($"YG{g}", [.. Enumerable.Range(1, 10).Select(b => $"YG{g}-B{b}")]);
        }
        yield return ("YG11", ["YG11"]);
        yield return ("YW", ["YW-B1", "YW-B2"]);
        for (var g = 1; g <= 6; g++)
        {
            yield return ($"YM{g}", [.. Enumerable.Range(1, 67).Select(b => $"YM{g}-B{b}")]);
        }
    }

    public static string WorkerOf(string grid) => $"YW-{grid}";

    public static string StreetOf(string grid) => grid.StartsWith("YG", StringComparison.Ordinal) ? Daily : Other;

    public static TopologyDocument Build()
    {
        var units = new List<UnitSpec>
        {
            new(District, "年度区", UnitLevel.District, null),
            new(Daily, "日巡街道", UnitLevel.Street, District),
            new(Other, "周月巡街道", UnitLevel.Street, District),
            new("YC1", "日巡社区", UnitLevel.Community, Daily),
            new(WeeklyCommunity, "周巡社区", UnitLevel.Community, Other),
            new(MonthlyCommunity, "月巡社区", UnitLevel.Community, Other),
        };
        foreach (var (grid, targets) in Grids())
        {
            var community = grid.StartsWith("YG", StringComparison.Ordinal) ? "YC1" : grid == "YW" ? WeeklyCommunity : MonthlyCommunity;
            units.Add(new UnitSpec(grid, grid, UnitLevel.Grid, community));
            units.AddRange(targets.Where(t => t != grid).Select(t => new UnitSpec(t, t, UnitLevel.Building, grid)));
        }
        var workers = Grids().Select(g => new WorkerSpec(WorkerOf(g.Grid), "网格员", g.Grid, WorkerRole.FullTime)).ToList();
        return new TopologyDocument(units, workers, []);
    }
}
