namespace Hub.Grains.Topology;

/// <summary>Sends a whole topology to the topology grain, and reads one back, a piece per call.</summary>
public static class TopologyTransfer
{
    /// <summary>Pieces in flight at once: enough to keep the grain busy, few enough that a province's megabytes do not queue at once.</summary>
    private const int Window = 4;

    /// <summary>Replaces the whole topology, or changes nothing and names every problem.</summary>
    /// <param name="source">The fingerprint of the file <paramref name="document"/> was read from, if any.</param>
    public static async Task<TopologyReplaceResult> Replace(this ITopologyGrain topology, TopologyDocument document, string? source = null)
    {
        var pieces = TopologyPieces.Split(document);
        var upload = Guid.NewGuid();
        foreach (var window in pieces.Select((piece, index) => (piece, index)).Chunk(Window))
        {
            await Task.WhenAll(window.Select(p => topology.Stage(upload, p.index, p.piece)));
        }
        return await topology.Commit(upload, pieces.Count, source);
    }

    /// <summary>The stored topology, whole.</summary>
    public static async Task<TopologySnapshot> ReadWhole(this ITopologyGrain topology)
    {
        var manifest = await topology.Read();
        if (manifest.PieceSet is not { } set)
        {
            return new TopologySnapshot(manifest.Version, manifest.Inline ?? TopologyDocument.Empty, manifest.Plans);
        }
        var pieces = new TopologyDocument[manifest.Pieces];
        foreach (var window in Enumerable.Range(0, manifest.Pieces).Chunk(Window))
        {
            await Task.WhenAll(window.Select(async i => pieces[i] = await topology.ReadPiece(set, i)));
        }
        return new TopologySnapshot(manifest.Version, TopologyPieces.Join(pieces), manifest.Plans);
    }
}
