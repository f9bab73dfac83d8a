using Hub.Grains.Topology;

namespace Hub.Dashboard.Api.Views;

/// <summary>One unit of the topology with what surrounds it: its breadcrumb, children, workers, devices and departments.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Ancestors">The units above it, from the caller's scope down (what lies above the scope is not shown).</param>
/// <param name="Children">The units directly below it.</param>
/// <param name="Workers">The grid workers of the unit (a grid's).</param>
/// <param name="Devices">The devices at the unit itself.</param>
/// <param name="Departments">The functional departments that serve the unit itself.</param>
/// <param name="Summonable">Who a case here may be whistled to (吹哨): the departments serving this unit or any above it.</param>
public sealed record UnitDescription(
    UnitSpec Unit,
    IReadOnlyList<UnitSpec> Ancestors,
    IReadOnlyList<UnitSpec> Children,
    IReadOnlyList<UnitWorker> Workers,
    IReadOnlyList<UnitDevice> Devices,
    IReadOnlyList<UnitDepartment> Departments,
    IReadOnlyList<DepartmentSpec> Summonable);
