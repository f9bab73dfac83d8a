namespace Hub.Grains.Topology;

/// <summary>The whole topology as an administrator replaces it (API.md §3).</summary>
[GenerateSerializer, Immutable, Alias("hub.topology-document")]
public sealed record TopologyDocument(
    IReadOnlyList<UnitSpec> Units,
    IReadOnlyList<WorkerSpec> Workers,
    IReadOnlyList<DeviceSpec> Devices)
{
    public static readonly TopologyDocument Empty = new([], [], []);
}

[GenerateSerializer, Immutable, Alias("hub.unit-spec")]
public sealed record UnitSpec(string Code, string Name, Model.UnitLevel Level, string? Parent);

[GenerateSerializer, Immutable, Alias("hub.worker-spec")]
public sealed record WorkerSpec(string Id, string Name, string Grid, Model.WorkerRole Role);

[GenerateSerializer, Immutable, Alias("hub.device-spec")]
public sealed record DeviceSpec(string Id, string Kind, string Unit, string? Center);
