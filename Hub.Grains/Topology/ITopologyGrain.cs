namespace Hub.Grains.Topology;

/// <summary>
/// The one durable copy of the topology, keyed <see cref="Key"/>; silos cache it in <see cref="TopologyCatalog"/>.
/// A topology travels in pieces (<see cref="TopologyPieces"/>): <see cref="TopologyTransfer"/> sends and reads whole ones.
/// </summary>
[Alias("hub.ITopologyGrain")]
public interface ITopologyGrain : IGrainWithStringKey
{
    public const string Key = "current";

    /// <summary>Holds one piece of a replace in progress, until <see cref="Commit"/>.</summary>
    [Alias("stage")]
    Task Stage(Guid upload, int index, TopologyDocument piece);

    /// <summary>Replaces the whole topology with the <paramref name="pieces"/> staged under <paramref name="upload"/>, or changes nothing and names every problem.</summary>
    /// <param name="source">The fingerprint of the file the document was read from, if any: a start given the same file again need not read it.</param>
    [Alias("commit")]
    Task<TopologyReplaceResult> Commit(Guid upload, int pieces, string? source);

    [Alias("manifest"), ReadOnly]
    Task<TopologyManifest> Read();

    /// <summary>One stored piece of the topology a manifest names.</summary>
    [Alias("piece"), ReadOnly]
    Task<TopologyDocument> ReadPiece(string pieceSet, int index);

    [Alias("version"), ReadOnly]
    Task<long> GetVersion();

    /// <summary>Sets the patrol plan of a unit (null: it inherits again); a new version, and the units below re-report.</summary>
    [Alias("set-plan")]
    Task<long> SetPlan(string unit, Patrol.PatrolPlan? plan);
}

[GenerateSerializer, Immutable, Alias("hub.topology-replace-result")]
public sealed record TopologyReplaceResult(long Version, IReadOnlyList<string> Errors);

/// <summary>What the stored topology is: its version, where its pieces are (or, stored before pieces, the document itself) and its plans.</summary>
[GenerateSerializer, Immutable, Alias("hub.topology-manifest")]
public sealed record TopologyManifest(long Version, string? PieceSet, int Pieces, TopologyDocument? Inline, IReadOnlyDictionary<string, Patrol.PatrolPlan> Plans, string? Source = null);

public sealed record TopologySnapshot(long Version, TopologyDocument Document, IReadOnlyDictionary<string, Patrol.PatrolPlan>? Plans = null);
