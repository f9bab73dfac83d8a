using System.Text.Json.Serialization;

namespace Hub.Grains.Topology;

/// <summary>The whole topology as an administrator replaces it (API.md §3).</summary>
[GenerateSerializer, Immutable, Alias("hub.topology-document")]
public sealed record TopologyDocument(
    IReadOnlyList<UnitSpec> Units,
    IReadOnlyList<WorkerSpec> Workers,
    IReadOnlyList<DeviceSpec> Devices,
    IReadOnlyList<DepartmentSpec>? Departments = null)
{
    public static readonly TopologyDocument Empty = new([], [], []);

    /// <summary>The departments, none when the document names none (documents stored before departments existed).</summary>
    public IReadOnlyList<DepartmentSpec> DepartmentList => Departments ?? [];
}

/// <param name="Households">A micro-grid's households (户数), when given.</param>
/// <param name="Kind">A grid's kind: <c>dedicated</c> (专属网格) grids cover one school, hospital, market or enterprise.</param>
/// <param name="Category">What a dedicated grid covers: school, hospital, market, enterprise, ….</param>
/// <param name="Geometry">Where the unit lies, as GeoJSON text: a Point for a building, a Polygon or MultiPolygon for an area.</param>
[GenerateSerializer, Immutable, Alias("hub.unit-spec")]
public sealed record UnitSpec(
    string Code,
    string Name,
    Model.UnitLevel Level,
    string? Parent,
    int? Households = null,
    GridKind? Kind = null,
    string? Category = null,
    [property: JsonIgnore] string? Geometry = null);

/// <param name="Microgrid">The micro-grid a (part-time) worker looks after, inside their grid.</param>
[GenerateSerializer, Immutable, Alias("hub.worker-spec")]
public sealed record WorkerSpec(
    string Id, string Name, string Grid, Model.WorkerRole Role, string? Microgrid = null);

/// <summary>A grid's kind: a standard area, or one dedicated to a single school, hospital, market or enterprise (专属网格).</summary>
public enum GridKind
{
    Standard,
    Dedicated,
}

/// <param name="Geometry">Where the device stands, as a GeoJSON Point, when known.</param>
[GenerateSerializer, Immutable, Alias("hub.device-spec")]
public sealed record DeviceSpec(string Id, string Kind, string Unit, string? Center, [property: JsonIgnore] string? Geometry = null);

/// <summary>
/// A functional department (职能部门) that serves a district or a street: the police station,
/// market regulation, the judicial office, the enforcement team. Cases are dispatched to it (吹哨)
/// and it reports in (报到).
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.department-spec")]
public sealed record DepartmentSpec(string Code, string Name, string Unit);
