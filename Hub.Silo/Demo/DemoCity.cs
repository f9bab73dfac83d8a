using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Silo.Demo;

/// <summary>
/// The built-in demo topology: a city with three districts, streets, communities, a few hundred
/// grids with their buildings, workers and devices. Fixed seed, so every start shows the same city.
/// </summary>
public static class DemoCity
{
    public const string CityCode = "140100";

    private static readonly (string Code, string Name, string[] Streets)[] Districts =
    [
        ("140109", "万柏林区", ["千峰街道", "兴华街道", "万柏林街道", "和平街道", "西铭街道"]),
        ("140105", "小店区", ["坞城街道", "营盘街道", "北营街道", "平阳路街道", "龙城街道"]),
        ("140106", "迎泽区", ["柳巷街道", "文庙街道", "桥东街道", "庙前街道"]),
    ];

    private static readonly string[] CommunityNames =
    [
        "长风", "和平", "兴华", "滨河", "康乐", "新建", "丽华", "春晖", "幸福", "阳光", "景园", "秀水", "翠林", "明珠",
        "锦绣", "安泰", "盛世", "瑞景", "望湖", "枫林", "晋阳", "汾东", "玉门", "南寒", "滨江", "并州", "双塔", "青年",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "郭", "马", "罗"];

    private static readonly string[] GivenNames =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平",
        "刚", "桂英", "建华", "晓东", "海燕", "志强", "文静", "春梅", "国庆", "红梅",
    ];

    public static TopologyDocument Build()
    {
        var random = new Random(20261123);
        var units = new List<UnitSpec> { new(CityCode, "太原市", UnitLevel.City, null) };
        var workers = new List<WorkerSpec>();
        var devices = new List<DeviceSpec>();
        var departments = new List<DepartmentSpec>();
        var communityName = 0;

        foreach (var (districtCode, districtName, streets) in Districts)
        {
            units.Add(new UnitSpec(districtCode, districtName, UnitLevel.District, CityCode));
            departments.Add(new DepartmentSpec($"{districtCode}-ENF", $"{districtName}综合行政执法大队", districtCode));
            var center = $"ZZ-{districtCode}";
            for (var s = 0; s < streets.Length; s++)
            {
                var streetCode = $"{districtCode}{s + 1:000}";
                units.Add(new UnitSpec(streetCode, streets[s], UnitLevel.Street, districtCode));
                // The street's "1+3": police station, market regulation, judicial office (吹哨报到).
                departments.Add(new DepartmentSpec($"{streetCode}-PS", $"{streets[s]}派出所", streetCode));
                departments.Add(new DepartmentSpec($"{streetCode}-MR", $"{streets[s]}市场监管所", streetCode));
                departments.Add(new DepartmentSpec($"{streetCode}-JO", $"{streets[s]}司法所", streetCode));
                var communities = random.Next(3, 5);
                for (var c = 0; c < communities; c++)
                {
                    var communityCode = $"{streetCode}{c + 1:000}";
                    units.Add(new UnitSpec(communityCode, CommunityNames[communityName++ % CommunityNames.Length] + "社区", UnitLevel.Community, streetCode));
                    var grids = random.Next(4, 8);
                    for (var g = 0; g < grids; g++)
                    {
                        var gridCode = $"{communityCode}-G{g + 1:00}";
                        units.Add(new UnitSpec(gridCode, $"第{g + 1}网格", UnitLevel.Grid, communityCode));
                        // Roughly one grid in ten is open ground (a park, a market) with no buildings.
                        var buildings = random.Next(10) == 0 ? 0 : random.Next(3, 9);
                        for (var b = 0; b < buildings; b++)
                        {
                            units.Add(new UnitSpec($"{gridCode}-B{b + 1:000}", $"{b + 1}号楼", UnitLevel.Building, gridCode));
                        }
                        workers.Add(Worker(random, workers.Count, gridCode, WorkerRole.FullTime));
                        if (random.Next(3) == 0)
                        {
                            workers.Add(Worker(random, workers.Count, gridCode, WorkerRole.PartTime));
                        }
                        devices.Add(new DeviceSpec($"CAM-{devices.Count + 1:00000}", "camera", gridCode, center));
                        if (buildings > 0)
                        {
                            var building = $"{gridCode}-B{random.Next(buildings) + 1:000}";
                            devices.Add(new DeviceSpec($"SEN-{devices.Count + 1:00000}", random.Next(2) == 0 ? "smoke-sensor" : "water-sensor", building, center));
                        }
                    }
                }
            }
        }
        return DemoMap.Lay(new TopologyDocument(units, workers, devices, departments));
    }

    private static WorkerSpec Worker(Random random, int index, string grid, WorkerRole role) =>
        new($"W{index + 1:0000}", Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)], grid, role);
}
