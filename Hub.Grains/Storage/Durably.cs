namespace Hub.Grains.Storage;

/// <summary>
/// Runs a write that an acknowledgement depends on. If it fails, the caller gets a
/// <see cref="StorageUnavailableException"/> (answered 503) rather than a false acknowledgement.
/// Each grain decides what its memory should hold after a failed write.
/// </summary>
public static class Durably
{
    public static async Task Write(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception e) when (e is not OperationCanceledException and not StorageUnavailableException)
        {
            throw new StorageUnavailableException($"storage did not take the change: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Puts one entry into a grain's stored map; if storage refuses, the map goes back to what storage holds.</summary>
    public static async Task Put<TKey, TValue>(IDictionary<TKey, TValue> map, TKey key, TValue value, Func<Task> write)
        where TKey : notnull
    {
        var had = map.TryGetValue(key, out var before);
        map[key] = value;
        try
        {
            await Write(write);
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
