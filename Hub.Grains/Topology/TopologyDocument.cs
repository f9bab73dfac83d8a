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
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<DepartmentSpec> DepartmentList => Departments ?? [];
}

[GenerateSerializer, Immutable, Alias("hub.unit-spec")]
public sealed record UnitSpec(string Code, string Name, Model.UnitLevel Level, string? Parent);

[GenerateSerializer, Immutable, Alias("hub.worker-spec")]
public sealed record WorkerSpec(string Id, string Name, string Grid, Model.WorkerRole Role);

[GenerateSerializer, Immutable, Alias("hub.device-spec")]
public sealed record DeviceSpec(string Id, string Kind, string Unit, string? Center);

/// <summary>
/// A functional department (职能部门) that serves a district or a street: the police station,
/// market regulation, the judicial office, the enforcement team. Cases are dispatched to it (吹哨)
/// and it reports in (报到).
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.department-spec")]
public sealed record DepartmentSpec(string Code, string Name, string Unit);
