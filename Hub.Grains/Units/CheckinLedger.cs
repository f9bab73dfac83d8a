using System.IO.Hashing;
using System.Text;

namespace Hub.Grains.Units;

/// <summary>
/// The check-in ids a grid remembers so that a resend is a duplicate: those of the last days, never
/// more than <see cref="MaxRemembered"/>, the oldest forgotten first. Each id is kept as a 64-bit
/// fingerprint (XxHash3); two ids of one grid sharing one is about as likely as 1 in 10¹² for a
/// week's ids.
/// </summary>
/// <remarks>
/// A grid's state is written on every batch, so what it carries is paid for on every batch. A day's
/// fingerprints therefore stay in the state only until there are <see cref="BlockSize"/> of them
/// (<see cref="Packed"/>, at most 2 KB); then they are sealed into a <see cref="CheckinBlock"/>
/// stored apart, once, and the state keeps its key (<see cref="Sealed"/>). A busy grid's write stays
/// the same size all day instead of growing by 8 bytes per check-in. Blocks are written before the
/// state that names them, so a stored state never names a block that is not stored; a write cut
/// short leaves at most a block that nothing names.
/// </remarks>
[GenerateSerializer, Alias("hub.checkin-ledger.v1")]
public sealed class CheckinLedger
{
    /// <summary>Ten workers checking in a hundred times a day for a week is 7,000.</summary>
    public const int MaxRemembered = 20_000;

    /// <summary>Fingerprints sealed into one block stored apart (2 KB).</summary>
    public const int BlockSize = 256;

    /// <summary>Each day's fingerprints not sealed yet, 8 bytes each (states stored before blocks kept whole days here).</summary>
    [Id(0)]
    public Dictionary<DateOnly, byte[]> Packed { get; set; } = [];

    /// <summary>Each day's sealed blocks by key, oldest first.</summary>
    [Id(1)]
    public Dictionary<DateOnly, string[]> Sealed { get; set; } = [];

    [NonSerialized]
    private Dictionary<DateOnly, List<ulong>>? _open;

    [NonSerialized]
    private HashSet<ulong>? _openPrints;

    [NonSerialized]
    private Dictionary<string, CheckinBlock?>? _blocks;

    [NonSerialized]
    private Dictionary<DateOnly, ulong[]>? _sealedPrints;

    [NonSerialized]
    private HashSet<DateOnly>? _changed;

    [NonSerialized]
    private List<string>? _forgotten;

    [NonSerialized]
    private DateOnly _releasedBefore;

    /// <summary>Each day's fingerprints not sealed yet, in the order they came.</summary>
    private Dictionary<DateOnly, List<ulong>> Open => _open ??= Packed.ToDictionary(kv => kv.Key, kv => CheckinBlock.Unpack(kv.Value).ToList());

    /// <summary>Every open fingerprint of every day, for lookups.</summary>
    private HashSet<ulong> OpenPrints => _openPrints ??= [.. Open.Values.SelectMany(o => o)];

    /// <summary>
    /// Sealed blocks read or written by this copy, by key: with their fingerprints while their day is
    /// the newest (a cap cuts that day block by block, so its array is made again from them), null
    /// once the day's sorted array alone holds them.
    /// </summary>
    private Dictionary<string, CheckinBlock?> Blocks => _blocks ??= new(StringComparer.Ordinal);

    /// <summary>
    /// Each day's sealed fingerprints held, as one sorted array, made on first use: a new id is
    /// looked up in every day, and one search of a day costs what one block's did rather than one
    /// per block.
    /// </summary>
    private Dictionary<DateOnly, ulong[]> SealedPrints => _sealedPrints ??= [];

    /// <summary>Sealed blocks whose fingerprints are held apart from their day's array (the newest day's).</summary>
    public int BlocksHeld => _blocks?.Values.Count(b => b is not null) ?? 0;

    /// <summary>Days whose open part is to be packed again before the next write.</summary>
    private HashSet<DateOnly> Changed => _changed ??= [];

    private List<string> Forgotten => _forgotten ??= [];

    /// <summary>Fingerprints remembered, counting sealed blocks whether read yet or not.</summary>
    public int Count
    {
        get
        {
            // Read on every batch (Forget): a loop, without allocating.
            var count = 0;
            foreach (var keys in Sealed.Values)
            {
                count += keys.Length * BlockSize;
            }
            foreach (var part in Open.Values)
            {
                count += part.Count;
            }
            return count;
        }
    }

    /// <summary>Sealed blocks the state names that this copy has not read: <see cref="Contains"/> is whole only once they are.</summary>
    public IReadOnlyList<string> Unread
    {
        get
        {
            List<string>? unread = null;
            foreach (var keys in Sealed.Values)
            {
                foreach (var key in keys)
                {
                    if (!Blocks.ContainsKey(key))
                    {
                        (unread ??= []).Add(key);
                    }
                }
            }
            return unread ?? (IReadOnlyList<string>)[];
        }
    }

    /// <summary>Takes in a sealed block read from storage.</summary>
    public void Read(string key, CheckinBlock block)
    {
        Blocks[key] = block;
        // Blocks are read before anything is looked up, so no day's array is made yet; one that is takes the block in.
        foreach (var (day, keys) in Sealed)
        {
            if (SealedPrints.TryGetValue(day, out var prints) && keys.Contains(key))
            {
                SealedPrints[day] = Merged(prints, block);
                Release(day);
            }
        }
    }

    public bool Contains(string id)
    {
        var print = Fingerprint(id);
        if (OpenPrints.Contains(print))
        {
            return true;
        }
        foreach (var day in Sealed.Keys)
        {
            if (Array.BinarySearch(PrintsOn(day), print) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Remembers an id not known yet (<see cref="Contains"/>) for the day it counted toward.</summary>
    public void Add(string id, DateOnly day)
    {
        var print = Fingerprint(id);
        if (OpenPrints.Add(print))
        {
            (Open.TryGetValue(day, out var open) ? open : Open[day] = []).Add(print);
            Changed.Add(day);
        }
    }

    /// <summary>
    /// Forgets the days before <paramref name="oldest"/>, then the oldest days whole until at most
    /// <paramref name="max"/> remain; the newest day is never forgotten whole, only cut down from
    /// its oldest sealed blocks (and, under a cap smaller than a block, its oldest open
    /// fingerprints). Blocks forgotten leave storage once a state without them is stored
    /// (<see cref="TakeForgotten"/>).
    /// </summary>
    public void Forget(DateOnly oldest, int max = MaxRemembered)
    {
        ReleaseOlderDays();
        // Called on every batch: most of the time nothing is old and the cap is far.
        var count = Count;
        if (count <= max && !AnyBefore(oldest))
        {
            return;
        }
        var days = Days().Order().ToList();
        foreach (var day in days.SkipLast(1))
        {
            if (day >= oldest && count <= max)
            {
                break;
            }
            count -= CountOn(day);
            Drop(day);
        }
        var newest = days[^1];
        if (newest < oldest)
        {
            Drop(newest);
            return;
        }
        while (count > max && Sealed.TryGetValue(newest, out var keys) && keys.Length > 0)
        {
            ForgetBlock(keys[0]);
            Sealed[newest] = keys[1..];
            SealedPrints.Remove(newest); // made again from the blocks left, which the newest day keeps
            count -= BlockSize;
        }
        if (count > max && Open.TryGetValue(newest, out var open))
        {
            var cut = Math.Min(count - max, open.Count);
            OpenPrints.ExceptWith(open.Take(cut));
            open.RemoveRange(0, cut);
            Changed.Add(newest);
        }
    }

    /// <summary>
    /// The blocks to seal before the next write: each run of <see cref="BlockSize"/> open
    /// fingerprints of a day, under a key of its own. Changes nothing: once they are stored,
    /// <see cref="Seal"/> moves them out of the state.
    /// </summary>
    public IReadOnlyList<SealedBlock> Full()
    {
        List<SealedBlock>? full = null;
        foreach (var (day, open) in Open)
        {
            for (var at = 0; at + BlockSize <= open.Count; at += BlockSize)
            {
                (full ??= []).Add(new SealedBlock(day, $"{day:yyyyMMdd}.{Random.Shared.NextInt64():x}", CheckinBlock.Of(open.GetRange(at, BlockSize))));
            }
        }
        return full ?? (IReadOnlyList<SealedBlock>)[];
    }

    /// <summary>Moves blocks from <see cref="Full"/>, now stored, out of the open part: the state names them by key.</summary>
    public void Seal(IReadOnlyList<SealedBlock> stored)
    {
        foreach (var (day, key, block) in stored)
        {
            Sealed[day] = [.. Sealed.GetValueOrDefault(day, []), key];
            Blocks[key] = block;
            if (SealedPrints.TryGetValue(day, out var prints))
            {
                // A busy day seals often: its sorted prints take the block in by one merge, not a sort of the whole day.
                SealedPrints[day] = Merged(prints, block);
                Release(day);
            }
            var open = Open[day];
            OpenPrints.ExceptWith(open.Take(BlockSize));
            open.RemoveRange(0, BlockSize);
            Changed.Add(day);
        }
    }

    /// <summary>Packs the open part of the days changed since the last write; call before the state is written.</summary>
    public void Pack()
    {
        foreach (var day in Changed)
        {
            if (Open.TryGetValue(day, out var open) && open.Count > 0)
            {
                Packed[day] = CheckinBlock.Pack(open);
            }
            else
            {
                Packed.Remove(day);
            }
        }
        Changed.Clear();
    }

    /// <summary>Keys of blocks forgotten since the last call: to remove once a state that no longer names them is stored.</summary>
    public IReadOnlyList<string> TakeForgotten()
    {
        if (_forgotten is not { Count: > 0 } forgotten)
        {
            return [];
        }
        var keys = forgotten.ToArray();
        forgotten.Clear();
        return keys;
    }

    private IEnumerable<DateOnly> Days() => Sealed.Keys.Union(Open.Keys);

    private bool AnyBefore(DateOnly day)
    {
        foreach (var held in Sealed.Keys)
        {
            if (held < day)
            {
                return true;
            }
        }
        foreach (var held in Open.Keys)
        {
            if (held < day)
            {
                return true;
            }
        }
        return false;
    }

    private int CountOn(DateOnly day) => Sealed.GetValueOrDefault(day, []).Length * BlockSize + (Open.TryGetValue(day, out var open) ? open.Count : 0);

    private void Drop(DateOnly day)
    {
        foreach (var key in Sealed.GetValueOrDefault(day, []))
        {
            ForgetBlock(key);
        }
        if (Open.Remove(day, out var open))
        {
            OpenPrints.ExceptWith(open);
        }
        Sealed.Remove(day);
        SealedPrints.Remove(day);
        Packed.Remove(day);
        Changed.Remove(day);
    }

    /// <summary>The day's sorted sealed fingerprints, made from its blocks read so far on first use.</summary>
    private ulong[] PrintsOn(DateOnly day)
    {
        if (!SealedPrints.TryGetValue(day, out var prints))
        {
            prints = [.. Sealed.GetValueOrDefault(day, []).Select(k => Blocks.GetValueOrDefault(k)).OfType<CheckinBlock>().SelectMany(b => CheckinBlock.Unpack(b.Prints))];
            Array.Sort(prints);
            SealedPrints[day] = prints;
            Release(day);
        }
        return prints;
    }

    /// <summary>Lets go of a day's blocks once its array holds them, unless it is the newest day (which a cap may cut block by block).</summary>
    private void Release(DateOnly day)
    {
        if (day >= Newest())
        {
            return;
        }
        foreach (var key in Sealed.GetValueOrDefault(day, []))
        {
            if (Blocks.ContainsKey(key))
            {
                Blocks[key] = null;
            }
        }
    }

    /// <summary>When a newer day has begun, the days before it keep their fingerprints in their arrays alone.</summary>
    private void ReleaseOlderDays()
    {
        var newest = Newest();
        if (newest <= _releasedBefore)
        {
            return;
        }
        foreach (var day in SealedPrints.Keys)
        {
            Release(day);
        }
        _releasedBefore = newest;
    }

    private DateOnly Newest()
    {
        var newest = DateOnly.MinValue;
        foreach (var day in Sealed.Keys)
        {
            newest = day > newest ? day : newest;
        }
        foreach (var day in Open.Keys)
        {
            newest = day > newest ? day : newest;
        }
        return newest;
    }

    /// <summary>A day's ascending fingerprints with a block's (ascending too) merged in.</summary>
    private static ulong[] Merged(ulong[] day, CheckinBlock block)
    {
        var merged = new ulong[day.Length + block.Count];
        int i = 0, j = 0, k = 0;
        while (i < day.Length && j < block.Count)
        {
            merged[k++] = day[i] <= block[j] ? day[i++] : block[j++];
        }
        while (i < day.Length)
        {
            merged[k++] = day[i++];
        }
        while (j < block.Count)
        {
            merged[k++] = block[j++];
        }
        return merged;
    }

    private void ForgetBlock(string key)
    {
        Blocks.Remove(key);
        Forgotten.Add(key);
    }

    internal static ulong Fingerprint(string id)
    {
        // Ids are at most a few hundred characters: encoded on the stack, not allocated per check-in.
        var max = Encoding.UTF8.GetMaxByteCount(id.Length);
        Span<byte> utf8 = max <= 1024 ? stackalloc byte[max] : new byte[max];
        return XxHash3.HashToUInt64(utf8[..Encoding.UTF8.GetBytes(id, utf8)]);
    }
}

/// <summary>A block sealed for storage: the day its ids counted toward and the key the state names it by.</summary>
public sealed record SealedBlock(DateOnly Day, string Key, CheckinBlock Block);
