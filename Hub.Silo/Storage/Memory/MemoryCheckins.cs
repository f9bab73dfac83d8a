using Hub.Grains.History;

namespace Hub.Silo.Storage.Memory;

/// <summary>
/// Every check-in memory storage keeps, a (grid, id) kept once, in shards by grid: the grids of a
/// request record their rows at the same moment, and with one lock they queued on it (most of the
/// time memory storage spent on a 1,000-grid batch was waiting there, bench/RESULTS.md). A grid's
/// rows stay in one shard, in the order recorded.
/// </summary>
public sealed class MemoryCheckins
{
    private const int ShardCount = 32;

    private readonly Shard[] _shards = [.. Enumerable.Range(0, ShardCount).Select(_ => new Shard())];

    /// <returns>How many were new.</returns>
    public int Record(IEnumerable<CheckinRecord> checkins)
    {
        // Row by row: a grid's rows come together and share a shard, whose lock is then not contended.
        var added = 0;
        foreach (var c in checkins)
        {
            var shard = _shards[ShardOf(c.Grid)];
            lock (shard.Gate)
            {
                if (c.Id is null || shard.Ids.Add((c.Grid, c.Id)))
                {
                    shard.Rows.Add(c);
                    added++;
                }
            }
        }
        return added;
    }

    /// <summary>A copy of every row, for a query to read while rows keep arriving.</summary>
    public List<CheckinRecord> All()
    {
        var all = new List<CheckinRecord>();
        foreach (var shard in _shards)
        {
            lock (shard.Gate)
            {
                all.AddRange(shard.Rows);
            }
        }
        return all;
    }

    /// <summary>Removes the rows of days before <paramref name="before"/>; their ids may be recorded again.</summary>
    public int Prune(DateOnly before)
    {
        var removed = 0;
        foreach (var shard in _shards)
        {
            lock (shard.Gate)
            {
                foreach (var c in shard.Rows)
                {
                    if (c.Day < before && c.Id is not null)
                    {
                        shard.Ids.Remove((c.Grid, c.Id));
                    }
                }
                removed += shard.Rows.RemoveAll(c => c.Day < before);
            }
        }
        return removed;
    }

    private static int ShardOf(string grid) => (int)((uint)StringComparer.Ordinal.GetHashCode(grid) % ShardCount);

    private sealed class Shard
    {
        public Lock Gate { get; } = new();

        public HashSet<(string Grid, string Id)> Ids { get; } = [];

        public List<CheckinRecord> Rows { get; } = [];
    }
}
