namespace Hub.Grains.Topology;

/// <summary>
/// The durable state of the topology grain: the manifest of the current topology, whose pieces are
/// stored apart (<see cref="TopologyPieceStore"/>). The alias is the stored type name: keep it stable.
/// </summary>
[GenerateSerializer, Alias("hub.topology-state.v1")]
public sealed class TopologyState
{
    [Id(0)]
    public long Version { get; set; }

    /// <summary>The whole document, as states stored before topologies were kept in pieces hold it; empty since.</summary>
    [Id(1)]
    // A fresh instance, never the shared empty one: a serializer that fills in existing objects would fill that in.
    public TopologyDocument Document { get; set; } = new([], [], []);

    /// <summary>巡查计划 set on units, by unit code; a replace keeps those of units that remain.</summary>
    [Id(2)]
    public Dictionary<string, Patrol.PatrolPlan> Plans { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The id the current topology's pieces are stored under; null while the document is held inline.</summary>
    [Id(3)]
    public string? PieceSet { get; set; }

    [Id(4)]
    public int Pieces { get; set; }

    /// <summary>The fingerprint of the file the current document was read from; null when it came otherwise.</summary>
    [Id(5)]
    public string? Source { get; set; }

    /// <summary>A copy to change and store; the plans are shared until replaced, never changed in place.</summary>
    public TopologyState Copy() => (TopologyState)MemberwiseClone();
}
