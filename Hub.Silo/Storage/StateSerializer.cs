using Orleans.Serialization;
using Orleans.Storage;

namespace Hub.Silo.Storage;

/// <summary>
/// Grain states in Orleans' binary format, the same bytes <see cref="OrleansGrainStorageSerializer"/>
/// writes, encoded through the serializer's pooled buffers into one array of the exact size. That
/// one grows a fresh buffer from 256 bytes by doubling on every write, and copying it out cost a
/// grid's write about four times its size in short-lived arrays (39 % of the ingest path's
/// allocations, bench/RESULTS.md).
/// </summary>
public sealed class StateSerializer(Serializer serializer) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(serializer.SerializeToArray(input));

    public T? Deserialize<T>(BinaryData input) => serializer.Deserialize<T>(input.ToMemory());
}
