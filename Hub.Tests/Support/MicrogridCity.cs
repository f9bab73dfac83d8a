using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Tests.Support;

/// <summary>
/// A district whose first grid is split into micro-grids (微网格): M1 (45 households, two buildings)
/// and M2 (38 households, none), each looked after by a part-time worker; the second grid is a
/// dedicated school grid (专属网格) with one building.
/// </summary>
public static class MicrogridCity
{
    public const string District = "MD";
    public const string Street = "MD-S1";
    public const string Community = "MD-S1-C1";
    public const string Grid = "MD-G1";
    public const string Micro1 = "MD-G1-M1";
    public const string Micro2 = "MD-G1-M2";
    public const string School = "MD-G2";

    public static string Building(int m, int b) => $"MD-G1-M{m}-B{b}";

    public const string SchoolBuilding = "MD-G2-B1";

    public static TopologyDocument Build() => new(
        [
            new(District, "微网格区", UnitLevel.District, null),
            new(Street, "微街道", UnitLevel.Street, District),
            new(Community, "微社区", UnitLevel.Community, Street),
            new(Grid, "第1网格", UnitLevel.Grid, Community, Kind: GridKind.Standard),
            new(Micro1, "1号微网格", UnitLevel.Microgrid, Grid, Households: 45),
            new(Building(1, 1), "1号楼", UnitLevel.Building, Micro1),
            new(Building(1, 2), "2号楼", UnitLevel.Building, Micro1),
            new(Micro2, "2号微网格", UnitLevel.Microgrid, Grid, Households: 38),
            new(School, "实验小学网格", UnitLevel.Grid, Community, Kind: GridKind.Dedicated, Category: "school"),
            new(SchoolBuilding, "教学楼", UnitLevel.Building, School),
        ],
        [
            new("MW-1", "王强", Grid, WorkerRole.FullTime),
            new("MW-2", "李梅", Grid, WorkerRole.PartTime, Micro1),
            new("MW-3", "赵兰", Grid, WorkerRole.PartTime, Micro2),
            new("MW-4", "周平", School, WorkerRole.FullTime),
        ],
        [new("MSMK-1", "smoke-sensor", Building(1, 1), "ZZ-T")]);
}
