using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Hub.Grains.Units;

/// <summary>
/// The check-in ids a grid remembers so that a resend is a duplicate: those of the last days, never
/// more than <see cref="MaxRemembered"/>, the oldest days forgotten first. Each id is kept as a
/// 64-bit fingerprint (XxHash3) and each day's fingerprints as one packed block, so the grid's state
/// write copies a few blocks instead of encoding thousands of strings; two ids of one grid sharing
/// a fingerprint is about as likely as 1 in 10¹² for a week's ids.
/// </summary>
[GenerateSerializer, Alias("hub.checkin-ledger.v1")]
public sealed class CheckinLedger
{
    /// <summary>Ten workers checking in a hundred times a day for a week is 7,000.</summary>
    public const int MaxRemembered = 20_000;

    /// <summary>Each day's fingerprints, 8 bytes each, as stored.</summary>
    [Id(0)]
    public Dictionary<DateOnly, byte[]> Packed { get; set; } = [];

    [NonSerialized]
    private Dictionary<DateOnly, HashSet<ulong>>? _days;

    [NonSerialized]
    private HashSet<DateOnly>? _changedDays;

    private Dictionary<DateOnly, HashSet<ulong>> Days => _days ??= Unpack();

    /// <summary>Days whose block is to be packed again before the next write.</summary>
    private HashSet<DateOnly> Changed => _changedDays ??= [];

    public int Count => Days.Values.Sum(d => d.Count);

    public bool Contains(string id)
    {
        var print = Fingerprint(id);
        foreach (var prints in Days.Values)
        {
            if (prints.Contains(print))
            {
                return true;
            }
        }
        return false;
    }

    public void Add(string id, DateOnly day)
    {
        if (!Days.TryGetValue(day, out var prints))
        {
            Days[day] = prints = [];
        }
        prints.Add(Fingerprint(id));
        Changed.Add(day);
    }

    /// <summary>
    /// Forgets the days before <paramref name="oldest"/>, then the oldest days whole until at most
    /// <paramref name="max"/> remain; the newest day is never forgotten whole, only cut down to the cap.
    /// </summary>
    public void Forget(DateOnly oldest, int max = MaxRemembered)
    {
        // Called on every batch: most of the time nothing is old and the cap is far.
        var count = 0;
        var anyOld = false;
        foreach (var (day, prints) in Days)
        {
            count += prints.Count;
            anyOld |= day < oldest;
        }
        if (!anyOld && count <= max)
        {
            return;
        }
        var days = Days.Keys.Order().ToList();
        foreach (var day in days.SkipLast(1))
        {
            if (day >= oldest && count <= max)
            {
                break;
            }
            count -= Days[day].Count;
            Days.Remove(day);
            Packed.Remove(day);
            Changed.Remove(day);
        }
        if (days.Count > 0 && days[^1] < oldest)
        {
            Days.Remove(days[^1]);
            Packed.Remove(days[^1]);
            Changed.Remove(days[^1]);
        }
        else if (days.Count > 0 && count > max)
        {
            var newest = Days[days[^1]];
            foreach (var print in newest.Take(count - max).ToList())
            {
                newest.Remove(print);
            }
            Changed.Add(days[^1]);
        }
    }

    /// <summary>Packs the days changed since the last write; call before the state is written.</summary>
    public void Pack()
    {
        foreach (var day in Changed)
        {
            var prints = Days[day];
            var block = new byte[prints.Count * sizeof(ulong)];
            var at = 0;
            foreach (var print in prints)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(block.AsSpan(at), print);
                at += sizeof(ulong);
            }
            Packed[day] = block;
        }
        Changed.Clear();
    }

    private Dictionary<DateOnly, HashSet<ulong>> Unpack()
    {
        var days = new Dictionary<DateOnly, HashSet<ulong>>();
        foreach (var (day, block) in Packed)
        {
            var prints = new HashSet<ulong>(block.Length / sizeof(ulong));
            for (var at = 0; at + sizeof(ulong) <= block.Length; at += sizeof(ulong))
            {
                prints.Add(BinaryPrimitives.ReadUInt64LittleEndian(block.AsSpan(at)));
            }
            days[day] = prints;
        }
        return days;
    }

    private static ulong Fingerprint(string id)
    {
        // Ids are at most a few hundred characters: encoded on the stack, not allocated per check-in.
        var max = Encoding.UTF8.GetMaxByteCount(id.Length);
        Span<byte> utf8 = max <= 1024 ? stackalloc byte[max] : new byte[max];
        return XxHash3.HashToUInt64(utf8[..Encoding.UTF8.GetBytes(id, utf8)]);
    }
}
