namespace Hub.Grains.Topology;

/// <summary>The one durable copy of the topology, keyed <see cref="Key"/>; silos cache it in <see cref="TopologyCatalog"/>.</summary>
[Alias("hub.ITopologyGrain")]
public interface ITopologyGrain : IGrainWithStringKey
{
    public const string Key = "current";

    /// <summary>Replaces the whole topology, or changes nothing and names every problem.</summary>
    [Alias("replace")]
    Task<TopologyReplaceResult> Replace(TopologyDocument document);

    [Alias("get"), ReadOnly]
    Task<TopologySnapshot> Read();

    [Alias("version"), ReadOnly]
    Task<long> GetVersion();
}

[GenerateSerializer, Immutable, Alias("hub.topology-replace-result")]
public sealed record TopologyReplaceResult(long Version, IReadOnlyList<string> Errors);

[GenerateSerializer, Immutable, Alias("hub.topology-snapshot")]
public sealed record TopologySnapshot(long Version, TopologyDocument Document);
