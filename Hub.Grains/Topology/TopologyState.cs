namespace Hub.Grains.Topology;

/// <summary>The durable state of the topology grain. The alias is the stored type name: keep it stable.</summary>
[GenerateSerializer, Alias("hub.topology-state.v1")]
public sealed class TopologyState
{
    [Id(0)]
    public long Version { get; set; }

    [Id(1)]
    public TopologyDocument Document { get; set; } = TopologyDocument.Empty;

    /// <summary>巡查计划 set on units, by unit code; a replace keeps those of units that remain.</summary>
    [Id(2)]
    public Dictionary<string, Patrol.PatrolPlan> Plans { get; set; } = new(StringComparer.Ordinal);
}
