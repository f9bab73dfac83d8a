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

    /// <summary>Sets the patrol plan of a unit (null: it inherits again); a new version, and the units below re-report.</summary>
    [Alias("set-plan")]
    Task<long> SetPlan(string unit, Patrol.PatrolPlan? plan);
}

[GenerateSerializer, Immutable, Alias("hub.topology-replace-result")]
public sealed record TopologyReplaceResult(long Version, IReadOnlyList<string> Errors);

[GenerateSerializer, Immutable, Alias("hub.topology-snapshot")]
public sealed record TopologySnapshot(long Version, TopologyDocument Document, IReadOnlyDictionary<string, Patrol.PatrolPlan>? Plans = null);
