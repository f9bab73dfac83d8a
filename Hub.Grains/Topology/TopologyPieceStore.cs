using Hub.Grains.Storage;
using Orleans.Storage;

namespace Hub.Grains.Topology;

/// <summary>
/// Keeps the pieces of a topology in the hub's grain storage, one stored row per piece, under the
/// id of the replace that wrote them: a replace cut short leaves rows no manifest names, never a
/// half-written current topology.
/// </summary>
public sealed class TopologyPieceStore(IGrainStorage storage)
{
    private const string StateName = "topology-piece";

    /// <summary>Pieces written or read at once: a province's hundred pieces share a few group commits without holding the storage's every connection.</summary>
    private const int Wave = 16;

    public async Task Write(string set, IReadOnlyList<TopologyDocument> pieces)
    {
        foreach (var wave in pieces.Select((piece, index) => (piece, index)).Chunk(Wave))
        {
            await Task.WhenAll(wave.Select(p => storage.WriteStateAsync(StateName, Id(set, p.index), new GrainState<TopologyPieceState>(new TopologyPieceState { Piece = p.piece }))));
        }
    }

    /// <exception cref="InvalidOperationException">A piece the manifest names is not stored.</exception>
    public async Task<TopologyDocument> Read(string set, int index)
    {
        var state = new GrainState<TopologyPieceState>(new TopologyPieceState());
        await storage.ReadStateAsync(StateName, Id(set, index), state);
        return state.RecordExists && state.State is { } stored ? stored.Piece : throw new InvalidOperationException($"topology piece {index} of '{set}' is not stored");
    }

    public async Task<TopologyDocument[]> ReadAll(string set, int count)
    {
        var pieces = new TopologyDocument[count];
        foreach (var wave in Enumerable.Range(0, count).Chunk(Wave))
        {
            await Task.WhenAll(wave.Select(async i => pieces[i] = await Read(set, i)));
        }
        return pieces;
    }

    /// <summary>Removes the pieces of a replaced topology; one that is already gone is skipped.</summary>
    public async Task Clear(string set, int count)
    {
        foreach (var wave in Enumerable.Range(0, count).Chunk(Wave))
        {
            await Task.WhenAll(wave.Select(index => storage.ClearIfStored<TopologyPieceState>(StateName, Id(set, index))));
        }
    }

    private static GrainId Id(string set, int index) => GrainId.Create("hub-topology-piece", $"{set}/{index}");
}

/// <summary>One stored piece of a topology. The alias is the stored type name: keep it stable.</summary>
[GenerateSerializer, Alias("hub.topology-piece.v1")]
public sealed class TopologyPieceState
{
    [Id(0)]
    // A fresh instance, never the shared empty one: a serializer that fills in existing objects would fill that in.
    public TopologyDocument Piece { get; set; } = new([], [], []);
}
