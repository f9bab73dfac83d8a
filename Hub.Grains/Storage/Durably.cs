using Orleans.Storage;

namespace Hub.Grains.Storage;

/// <summary>
/// Runs a write that an acknowledgement depends on. If it fails, the caller gets a
/// <see cref="StorageUnavailableException"/> (answered 503) rather than a false acknowledgement.
/// Each grain decides what its memory should hold after a failed write.
/// </summary>
public static class Durably
{
    /// <param name="owner">
    /// The grain whose state is written. When storage says the stored version moved (another
    /// activation wrote, or a commit's answer was lost), memory can no longer be trusted: the grain
    /// ends its activation and the next call loads the truth (DESIGN.md principle 8).
    /// </param>
    public static async Task Write(IGrainBase owner, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (InconsistentStateException e)
        {
            owner.DeactivateOnIdle();
            throw new StorageUnavailableException("the stored state changed under this copy; it is being reloaded, try again", e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not StorageUnavailableException)
        {
            throw new StorageUnavailableException($"storage did not take the change: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Puts one entry into a grain's stored map; if storage refuses, the map goes back to what storage holds.</summary>
    public static async Task Put<TKey, TValue>(IGrainBase owner, IDictionary<TKey, TValue> map, TKey key, TValue value, Func<Task> write)
        where TKey : notnull
    {
        var had = map.TryGetValue(key, out var before);
        map[key] = value;
        try
        {
            await Write(owner, write);
        }
        catch (StorageUnavailableException)
        {
            if (had)
            {
                map[key] = before!;
            }
            else
            {
                map.Remove(key);
            }
            throw;
        }
    }
}
