using Orleans.Serialization;
using Orleans.Storage;

namespace Hub.Silo.Storage;

/// <summary>
/// Grain states in Orleans' binary format, the same bytes <see cref="OrleansGrainStorageSerializer"/>
/// writes, encoded through the serializer's pooled buffers into one array of the exact size. That
/// one grows a fresh buffer from 256 bytes by doubling on every write and copies it out again: a
/// grid's write cost several times its size in short-lived arrays.
/// </summary>
public sealed class StateSerializer(Serializer serializer) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(serializer.SerializeToArray(input));

    public T? Deserialize<T>(BinaryData input) => serializer.Deserialize<T>(input.ToMemory());
}
