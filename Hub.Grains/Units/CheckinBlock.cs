using System.Buffers.Binary;

namespace Hub.Grains.Units;

/// <summary>
/// A sealed run of a grid's check-in fingerprints (<see cref="CheckinLedger"/>), stored once apart
/// from the grid's state: 8 bytes each, in ascending order. The alias is the stored type name: keep
/// it stable.
/// </summary>
[GenerateSerializer, Alias("hub.checkin-block.v1")]
public sealed class CheckinBlock
{
    [Id(0)]
    public byte[] Prints { get; set; } = [];

    public int Count => Prints.Length / sizeof(ulong);

    /// <summary>The fingerprint at <paramref name="index"/>, in ascending order.</summary>
    public ulong this[int index] => BinaryPrimitives.ReadUInt64LittleEndian(Prints.AsSpan(index * sizeof(ulong)));

    public static CheckinBlock Of(IEnumerable<ulong> prints)
    {
        var sorted = prints.ToArray();
        Array.Sort(sorted);
        return new CheckinBlock { Prints = Pack(sorted) };
    }

    /// <summary>Fingerprints as stored, 8 bytes each, in the order given.</summary>
    public static byte[] Pack(IReadOnlyCollection<ulong> prints)
    {
        var packed = new byte[prints.Count * sizeof(ulong)];
        var at = 0;
        foreach (var print in prints)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(packed.AsSpan(at), print);
            at += sizeof(ulong);
        }
        return packed;
    }

    public static IEnumerable<ulong> Unpack(byte[] packed)
    {
        for (var at = 0; at + sizeof(ulong) <= packed.Length; at += sizeof(ulong))
        {
            yield return BinaryPrimitives.ReadUInt64LittleEndian(packed.AsSpan(at));
        }
    }
}
